package overparam.claims.boobLan;

import overparam.claims.Claim;
import overparam.claims.ClaimProvider;

import java.util.List;

/** The claims of paper `boob-lan` (see src/main/resources/claims/boob-lan.md). */
public final class BoobLanClaims implements ClaimProvider {
    @Override
    public String paper() {
        return "boob-lan";
    }

    @Override
    public List<Claim> claims() {
        return List.of();
    }
}
