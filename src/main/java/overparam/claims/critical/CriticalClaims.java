package overparam.claims.critical;

import overparam.claims.Claim;
import overparam.claims.ClaimProvider;

import java.util.List;

/** The claims of paper `critical` (see src/main/resources/claims/critical.md). */
public final class CriticalClaims implements ClaimProvider {
    @Override
    public String paper() {
        return "critical";
    }

    @Override
    public List<Claim> claims() {
        return List.of();
    }
}
