package overparam.claims;

import java.util.List;

/** The claims of one paper; found through java.util.ServiceLoader (META-INF/services). */
public interface ClaimProvider {
    String paper();

    List<Claim> claims();
}
