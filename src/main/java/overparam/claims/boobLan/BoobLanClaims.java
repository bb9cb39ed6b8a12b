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
        return List.of(
                new GradientClaims.GradientFormulas(),
                new GradientClaims.FullRankDBound(),
                new C1Claim(),
                new RankLemma.Lemma41(),
                new RankLemma.ProofSteps(),
                new RankLemma.Corollary42(),
                new GradientClaims.ThetaRescaling(),
                new HeadlineClaim(),
                new RankRemarks.DerivativeC1(),
                new RankRemarks.Rotation(),
                new RankRemarks.HiddenVectors(),
                new RankRemarks.MultiLayer(),
                new RankRemarks.FlatW(),
                new RankRemarks.SingularW(),
                new AlgorithmClaims.Lemma51(),
                new RankRemarks.Lemma52(),
                new AlgorithmClaims.Lemma53(),
                new SmoothnessClaims.Lemma54(),
                new SmoothnessClaims.DescentLemma(),
                new SmoothnessClaims.Lemma57(),
                new ConvergenceClaims.Theorem58(),
                new ConvergenceClaims.Theorem59(),
                new ConvergenceClaims.EarlyExit(),
                new ConvergenceClaims.AppendixA1(),
                new ConvergenceClaims.InlineClaims());
    }
}
