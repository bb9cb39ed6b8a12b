package overparam.claims.edmonds;

import overparam.claims.Claim;
import overparam.claims.ClaimProvider;

import java.util.List;

/** The claims of paper `edmonds` (see src/main/resources/claims/edmonds.md). */
public final class EdmondsClaims implements ClaimProvider {
    @Override
    public String paper() {
        return "edmonds";
    }

    @Override
    public List<Claim> claims() {
        return List.of();
    }
}
