package overparam.claims.golikov;

import overparam.claims.Claim;
import overparam.claims.ClaimProvider;

import java.util.List;

/** The claims of paper `golikov` (see src/main/resources/claims/golikov.md). */
public final class GolikovClaims implements ClaimProvider {
    @Override
    public String paper() {
        return "golikov";
    }

    @Override
    public List<Claim> claims() {
        return List.of();
    }
}
