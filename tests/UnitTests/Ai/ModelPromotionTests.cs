using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace UnitTests.Ai;

/// <summary>A new model replaces the one in use only when its holdout metric is no worse.</summary>
public sealed class ModelPromotionTests
{
    private static TrainedModel Model(string name, int version, params (string Key, double Value)[] metrics) =>
        new(name, version, SyntheticJobs.Now, 100, metrics.ToDictionary(m => m.Key, m => m.Value), [1]);

    [Fact]
    public void The_first_model_is_always_used() =>
        ModelPromotion.ShouldReplace(null, Model(ModelNames.SuccessModel, 1, (ModelMetrics.Auc, 0.55))).ShouldBeTrue();

    [Theory]
    [InlineData(0.70, 0.75, true)]
    [InlineData(0.70, 0.70, true)]
    [InlineData(0.70, 0.69, false)]
    public void Success_model_is_judged_by_auc(double current, double candidate, bool replaces) =>
        ModelPromotion.ShouldReplace(Model(ModelNames.SuccessModel, 1, (ModelMetrics.Auc, current)), Model(ModelNames.SuccessModel, 2, (ModelMetrics.Auc, candidate)))
            .ShouldBe(replaces);

    [Theory]
    [InlineData(0.80, 0.85, true)]
    [InlineData(0.80, 0.79, false)]
    public void Classifier_is_judged_by_macro_accuracy(double current, double candidate, bool replaces) =>
        ModelPromotion.ShouldReplace(Model(ModelNames.JobClassifier, 1, (ModelMetrics.MacroAccuracy, current)),
                Model(ModelNames.JobClassifier, 2, (ModelMetrics.MacroAccuracy, candidate))).ShouldBe(replaces);

    [Theory]
    [InlineData(120, 100, true)]
    [InlineData(120, 120, true)]
    [InlineData(120, 121, false)]
    public void Salary_predictor_is_judged_by_mean_absolute_error(double current, double candidate, bool replaces) =>
        ModelPromotion.ShouldReplace(Model(ModelNames.SalaryPredictor, 1, (ModelMetrics.MeanAbsoluteError, current)),
                Model(ModelNames.SalaryPredictor, 2, (ModelMetrics.MeanAbsoluteError, candidate))).ShouldBe(replaces);

    [Fact]
    public void A_candidate_without_its_metric_never_wins_and_a_current_one_without_it_always_loses()
    {
        ModelPromotion.ShouldReplace(Model(ModelNames.SuccessModel, 1, (ModelMetrics.Auc, 0.6)), Model(ModelNames.SuccessModel, 2)).ShouldBeFalse();
        ModelPromotion.ShouldReplace(Model(ModelNames.SuccessModel, 1), Model(ModelNames.SuccessModel, 2, (ModelMetrics.Auc, 0.5))).ShouldBeTrue();
        ModelPromotion.ShouldReplace(Model(ModelNames.SuccessModel, 1, (ModelMetrics.Auc, 0.6)), Model(ModelNames.SuccessModel, 2, (ModelMetrics.Auc, double.NaN))).ShouldBeFalse();
    }

    [Fact]
    public void Models_of_different_kinds_are_not_compared() =>
        Should.Throw<ArgumentException>(() => ModelPromotion.ShouldReplace(
            Model(ModelNames.SuccessModel, 1, (ModelMetrics.Auc, 0.6)), Model(ModelNames.JobClassifier, 1, (ModelMetrics.MacroAccuracy, 0.9))));
}
