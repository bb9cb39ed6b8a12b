package overparam.claims.oymak;

import overparam.claims.Claim;
import overparam.claims.ClaimProvider;

import java.util.List;

/** The claims of Oymak and Soltanolkotabi (paper 004_85138d395bc83237.txt). */
public final class OymakClaims implements ClaimProvider {
    @Override
    public String paper() {
        return "oymak";
    }

    @Override
    public List<Claim> claims() {
        return List.of(
                new ProductIdentities.KhatriRaoGram(),
                new ProductIdentities.KhatriRaoPowers(),
                new JacobianIdentities.JacobianLayout(),
                new JacobianIdentities.GradientFormula(),
                new JacobianIdentities.JacobianGram(),
                new CovarianceClaims.ExpectedJacobianGram(),
                new CovarianceClaims.QuadraticCovariance(),
                new CovarianceClaims.KhatriRaoRank(),
                new CovarianceClaims.NetworkCovarianceDefinition(),
                new CovarianceClaims.SeparableData(),
                new SchurProduct(),
                new JacobianBounds.SpectralNorm(),
                new JacobianBounds.Lipschitz(),
                new NonlinearLeastSquares.Theorem(),
                new NonlinearLeastSquares.Corollary(),
                new NonSmoothLeastSquares(),
                new SmoothConvergence.MetaTheorem(),
                new SmoothConvergence.MainTheorem(),
                new SmoothConvergence.SoftplusCorollary(),
                new ReluConvergence.MetaTheorem(),
                new ReluConvergence.MainTheorem(),
                new ReluConvergence.SphereCorollary(),
                new ReluConvergence.SeparatedTheorem(),
                new SgdConvergence(),
                new PhaseTransition(),
                new QuadraticReduction(),
                new HermiteClaims.SigmaExpansion(),
                new HermiteClaims.SigmaTildeExpansion(),
                new HermiteClaims.OutputCovarianceDefinition(),
                new InitialJacobian.MinSingularValue(),
                new InitialJacobian.MatrixChernoff(),
                new InitialMisfit.MisfitBound(),
                new InitialMisfit.MisfitThree(),
                new ReluPerturbation.JacobianPerturbation(),
                new ReluPerturbation.PatternBound(),
                new ReluPerturbation.SignFlips(),
                new ReluPerturbation.SmallEntries(),
                new RandomFeatures.OutputLayer(),
                new RandomFeatures.SecondMomentStep(),
                new NonSmoothLemmas.AsymmetricPerturbation(),
                new NonSmoothLemmas.AverageJacobian(),
                new NonSmoothLemmas.AverageJacobianBounds(),
                new NonSmoothLemmas.OneStepDecrease(),
                new SeparatedData.PatternCovariance(),
                new SeparatedData.ReluJacobianCovariance(),
                new SphereData.SpectralNorm(),
                new SphereData.KhatriRaoSigmaMin(),
                new InlineClaims.InitialNorm(),
                new InlineClaims.LambdaBelowB(),
                new InlineClaims.ReluMu(),
                new InlineClaims.SoftplusConstants(),
                new InlineClaims.Poincare(),
                new RandomFeatures.FourthMoment(),
                new RandomFeatures.Interpolation(),
                new InlineClaims.Comparisons(),
                new InlineClaims.DimensionCounting());
    }
}
