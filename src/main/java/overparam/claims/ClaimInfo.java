package overparam.claims;

/** One row of claims.tsv: the specification of a claim. */
public record ClaimInfo(String id, String paperFile, String label, String kind, String statement, String catalogueExpectation) {
    public String paperKey() {
        return id.substring(0, id.indexOf('/'));
    }
}
