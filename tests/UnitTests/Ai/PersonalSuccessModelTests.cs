using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace UnitTests.Ai;

/// <summary>
/// The user's own success model against the general one (docs/features.md, "What wins for you"): measured on the same
/// held-out proposals, blended into the fit score only when it does no worse, and named on the analysis when it is.
/// </summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class PersonalSuccessModelTests(TrainedModelsFixture trained)
{
    private readonly JobAnalyzer _analyzer = new(new SkillMatcher());

    private ModelTrainer Trainer => new(new FixedTime(SyntheticJobs.Now));

    [Fact]
    public async Task Training_measures_the_general_model_and_calibration_on_the_same_holdout()
    {
        var result = await Trainer.TrainSuccessModelAsync(trained.Outcomes, trained.Jobs, trained.Profile, new SkillMatcher(), 2, CancellationToken.None,
            async (job, at, ct) => (await _analyzer.AnalyzeAsync(job, trained.Profile, AnalysisModels.None, at, ct)).SuccessProbability.Value);

        var metrics = result.Model.ShouldNotBeNull().Metrics;
        metrics[ModelMetrics.GeneralAuc].ShouldBeInRange(0, 1);
        metrics[ModelMetrics.Brier].ShouldBeInRange(0, 1);
        metrics[ModelMetrics.GeneralBrier].ShouldBeInRange(0, 1);
        metrics[ModelMetrics.MeanPredicted].ShouldBeInRange(0, 1);
        metrics[ModelMetrics.ObservedRate].ShouldBeInRange(0, 1);
        // The same split as without the comparison: the personal model's own numbers do not move.
        metrics[ModelMetrics.Auc].ShouldBe(trained.Success.Model!.Metrics[ModelMetrics.Auc], 1e-9);
    }

    [Fact]
    public async Task A_personal_model_that_does_worse_than_the_general_one_on_the_holdout_is_not_used()
    {
        // A general model that knows every outcome (AUC 1 on the holdout): no personal model can beat it.
        var won = trained.Outcomes.Where(o => o.Won).Select(o => o.JobPostingId).ToHashSet();
        var result = await Trainer.TrainSuccessModelAsync(trained.Outcomes, trained.Jobs, trained.Profile, new SkillMatcher(), 2, CancellationToken.None,
            (job, _, _) => ValueTask.FromResult(won.Contains(job.Id) ? 0.9 : 0.1));

        var candidate = result.Model.ShouldNotBeNull();
        candidate.Metrics[ModelMetrics.GeneralAuc].ShouldBe(1.0);
        ModelPromotion.WorseThanGeneral(candidate).ShouldBeTrue();
        ModelPromotion.ShouldReplace(null, candidate).ShouldBeFalse();
        ModelPromotion.ShouldReplace(trained.Success.Model, candidate).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_personal_model_the_analysis_says_nothing_about_learning()
    {
        var analysis = await _analyzer.AnalyzeAsync(JobAnalyzerTests.Job(category: null, proposals: 4), trained.Profile, AnalysisModels.None, SyntheticJobs.Now);

        analysis.SuccessProbability.LearnedFrom.ShouldBeNull();
        analysis.SuccessProbability.Reason.ShouldStartWith("Typically");
        analysis.FitScore.Reason.ShouldNotContain("Learned from");
    }

    [Fact]
    public void Auc_is_the_chance_a_win_scores_above_a_loss() =>
        Calibration.Auc([0.9, 0.4, 0.6, 0.2], [true, true, false, false]).ShouldBe(0.75);
}
