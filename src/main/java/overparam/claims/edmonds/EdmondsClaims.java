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
        return List.of(
                new TheoremOne.StepMechanism(),
                new TheoremOneScaling.DScaling(),
                new TheoremOneScaling.LScaling(),
                new TheoremOneScaling.MScaling(),
                new TheoremOne.EpsScaling(),
                new TheoremOne.ConditionalForm(),
                new TheoremOne.UnderParameterized(),
                new TheoremOne.HiddenConstant(),
                new ErrorAndActivation.InitialError(),
                new ErrorAndActivation.BoundedResiduals(),
                new ErrorAndActivation.SigmoidDerivatives(),
                new ErrorAndActivation.LinearActivations(),
                new ErrorAndActivation.ReluTaylor(),
                new StepSize.LemmaTwoExponent(),
                new StepSize.CapActivity(),
                new StepSize.CxScaling(),
                new StepSize.CzScaling(),
                new StepSize.CapValue(),
                new NonPerpendicular.AlongRuns(),
                new NonPerpendicular.Uncoordinated(),
                new NonPerpendicular.OrthonormalRegression(),
                new NonPerpendicular.PerpendicularColumns(),
                new NonPerpendicular.BlockFactorization(),
                new NonPerpendicular.BlockRank(),
                new NonPerpendicular.MoreNodes(),
                new MidSigmoid.NegationsInSum(),
                new MidSigmoid.RandomSigns(),
                new MidSigmoid.MidSigmoidConstant(),
                new MidSigmoid.SimpleCase(),
                new MidSigmoid.BinaryTargets(),
                new MidSigmoid.Proportional(),
                new MidSigmoid.NonBlowup(),
                new ProofIdea.LinearIsQuadratic(),
                new ProofIdea.OneDimensional(),
                new ProofIdea.AdditiveConstant(),
                new LemmasOneToThree.GradientFormula(),
                new LemmasOneToThree.AngleBound(),
                new LemmasOneToThree.LemmaOneCap(),
                new LemmasOneToThree.GradientLowerBound(),
                new LemmasOneToThree.WeightGradient(),
                new LemmasOneToThree.FrobeniusSplit(),
                new LemmasOneToThree.ProductOfAverages(),
                new LemmasOneToThree.CappedIdentity(),
                new LemmasOneToThree.RatioRule(),
                new LemmasOneToThree.GeometricTerms(),
                new LemmasOneToThree.CurvatureControl(),
                new LemmasOneToThree.ProblemCases(),
                new LemmaFive.InputBound(),
                new LemmaFive.WeightBound(),
                new LemmaFive.OneSided(),
                new LemmaFive.DepthFactor(),
                new LemmasSixToEight.SameLayer(),
                new LemmasSixToEight.InequalityVersion(),
                new LemmasSixToEight.CrossLayer(),
                new LemmasSixToEight.TwoNodes(),
                new LemmasSixToEight.OneSigmoid(),
                new LemmasSixToEight.OneSigmoidBound(),
                new SectionFour.GradientIsDirLoss(),
                new SectionFour.LossReconstruction(),
                new SectionFour.NoCriticalPoints(),
                new SectionFour.PerpendicularIffCritical(),
                new SectionFour.PartialProgress(),
                new SectionFour.SpanningAngle(),
                new SectionFour.RankD(),
                new SectionFour.Cited());
    }
}
