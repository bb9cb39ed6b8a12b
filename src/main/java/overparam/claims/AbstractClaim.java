package overparam.claims;

import java.util.List;

/** Common plumbing: the id (checked against claims.tsv at construction) and the declared parameters. */
public abstract class AbstractClaim implements Claim {
    private final String id;

    protected AbstractClaim(String id) {
        Catalog.get().info(id);
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    protected Params params(RunContext ctx) {
        return ctx.params(id, parameters());
    }

    protected ClaimResult.Builder result(RunContext ctx) {
        return ClaimResult.builder(id).seed(ctx.seedFor(id)).params(params(ctx).values());
    }

    @Override
    public String toString() {
        return id;
    }
}
