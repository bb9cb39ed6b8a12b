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
        return List.of(
                new SaddleClaims(),
                new LinearClaims.L2Regression(),
                new LinearClaims.DeepEqualsShallow(),
                new LinearClaims.NonConvex(),
                new LinearClaims.LocalMinMapsToLocalMin(),
                new LinearClaims.RankConstrainedMinimaGlobal(),
                new LinearClaims.DeepLocalMinimaGlobal(),
                new LinearClaims.Lifting(),
                new LinearClaims.RankDeficientParaphrase(),
                new SigmoidClaims.YuChen(),
                new SigmoidClaims.Surrogate(),
                new SigmoidClaims.RankNotGuaranteed(),
                new SigmoidClaims.MeasureZero(),
                new SigmoidClaims.LyapunovArgument(),
                new NguyenHeinClaims.DeepRankLemma(),
                new NguyenHeinClaims.PartialLossNonConvex(),
                new NguyenHeinClaims.NonDegenerateMinimum(),
                new NguyenHeinClaims.MainTheorem(),
                new NguyenHeinClaims.Conjectures(),
                new DuClaims.ExponentialEnvelope(),
                new DuClaims.LambdaZeroPositive(),
                new DuClaims.DiscreteTime(),
                new DuClaims.PredictionDynamics(),
                new DuClaims.FromThirteenToEleven(),
                new DuClaims.GramDefinition(),
                new DuClaims.InitialGram(),
                new DuClaims.LocalStability(),
                new DuClaims.Movement(),
                new DuClaims.ContinuityArgument(),
                new DuRemarks.SigmoidAndTrainedA(),
                new DuRemarks.GradientNorms(),
                new OptimisationRemarks.DimensionFreeRate(),
                new DuRemarks.HessianPsd(),
                new OptimisationRemarks.NoCrossEntropyMinimiser(),
                new DuRemarks.ClusterConjecture(),
                new WidthExperiment(),
                new SigmoidClaims.NonSmoothRemark());
    }
}
