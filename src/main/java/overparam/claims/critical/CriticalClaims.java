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
        return List.of(
                new GradientClaims.GradientIdentity(),
                new GradientClaims.DirFullRank(),
                new MatrixClaims.ScalingFactor(),
                new MatrixClaims.LemmaOneLeft(),
                new MatrixClaims.LemmaOneRight(),
                new MatrixClaims.LemmaTwo(),
                new TheoremClaims.Existence(),
                new TheoremClaims.MainBound(),
                new TheoremClaims.RemarkQ(),
                new TheoremClaims.RemarkR(),
                new ProofSteps.StepOne(),
                new ProofSteps.StepTwo(),
                new ProofSteps.StepThree(),
                new ProofSteps.StepFour(),
                new ProofSteps.StepFive(),
                new ProofSteps.StepSix(),
                new RequirementClaims.Width(),
                new RequirementClaims.IndependentInput(),
                new RequirementClaims.FeatureExtension(),
                new RequirementClaims.RandomLayerClaim(),
                new RequirementClaims.TriangularClaim(),
                new RequirementClaims.DoubleVandermonde(),
                new RequirementClaims.Companions(),
                new RequirementClaims.GeneralActivation(),
                new LossClaims.LossRemark(),
                new RequirementClaims.FullRangeSensitive(),
                new ProofSteps.Outline(),
                new TheoremClaims.NoBadCriticalPoints(),
                new CapacityClaims.Counting(),
                new CapacityClaims.LookupTable(),
                new CapacityClaims.BinaryTree(),
                new CapacityClaims.ManyParameters(),
                new TheoremClaims.LinearParameterCount(),
                new LongPath.LongGradientPath(),
                new NpClaims.GadgetUnit(),
                new NpClaims.GadgetForcesUnit(),
                new NpClaims.OneUnitPerGadget(),
                new NpClaims.Packing(),
                new NpClaims.Accounting(),
                new NpClaims.ExponentArithmetic(),
                new NpClaims.SecondRegime());
    }
}
