using Contracts.Upwork;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Xunit.Abstractions;

namespace UnitTests.Ai;

/// <summary>The three models, trained on synthetic data whose structure is known.</summary>
[Collection(TrainedModelsCollection.Name)]
public sealed class ModelTrainerTests(TrainedModelsFixture trained, ITestOutputHelper output)
{
    private static JobPostingDetails Clear(string title, string description, string[] skills, string type = "hourly", string level = "intermediate",
        string? category = null) =>
        new(Guid.NewGuid(), "x", title, description, skills, type, null, null, level, category, null, 5, null, SyntheticJobs.Now,
            new JobClient(null, null, null, null, null, null, null));

    [Fact]
    public void Classifier_predicts_the_category_of_clearly_worded_jobs()
    {
        output.WriteLine(trained.Classifier.Message + " in " + trained.Durations[ModelNames.JobClassifier]);
        var model = trained.Models.Classifier.ShouldNotBeNull();
        model.Categories.Count.ShouldBe(5);
        var cases = new (JobPostingDetails Job, string Expected)[]
        {
            (Clear("React developer for our SaaS dashboard", "Build reusable components and API endpoints for the frontend.", ["React", "TypeScript"]), SyntheticJobs.Categories[0].Name),
            (Clear("Churn prediction model in Python", "Feature engineering and a predictive model with cross-validation on our training dataset.", ["Machine Learning", "pandas"]), SyntheticJobs.Categories[1].Name),
            (Clear("Logo for a coffee brand", "We need logo concepts, a color palette and a style guide for our visual identity.", ["Logo Design", "Adobe Illustrator"]), SyntheticJobs.Categories[2].Name),
            (Clear("Blog writer for a travel site", "Write engaging blog posts with a friendly tone of voice for our target audience.", ["Content Writing", "Copywriting"]), SyntheticJobs.Categories[3].Name),
            (Clear("Bookkeeper for monthly reconciliation", "Bank reconciliation, invoices and month-end close in QuickBooks.", ["Bookkeeping", "QuickBooks"]), SyntheticJobs.Categories[4].Name),
        };
        foreach (var (job, expected) in cases)
        {
            var (category, confidence) = model.Predict(job);
            output.WriteLine($"{job.Title} → {category} ({confidence:P0})");
            category.ShouldBe(expected, job.Title);
            confidence.ShouldBeGreaterThan(0.2);
        }
    }

    [Fact]
    public void Classifier_metrics_are_present_and_well_above_chance()
    {
        var model = trained.Classifier.Model.ShouldNotBeNull();
        model.Name.ShouldBe(ModelNames.JobClassifier);
        model.Version.ShouldBe(1);
        model.TrainedAt.ShouldBe(SyntheticJobs.Now);
        model.Rows.ShouldBe(600);
        model.Bytes.Length.ShouldBeGreaterThan(1000);
        model.Metrics[ModelMetrics.MacroAccuracy].ShouldBeGreaterThan(0.6, "chance is 0.2 with five categories");
        model.Metrics[ModelMetrics.MicroAccuracy].ShouldBeGreaterThan(0.6);
        model.Metrics[ModelMetrics.LogLoss].ShouldBeInRange(0, Math.Log(5), "below the log-loss of a uniform guess");
        (model.Metrics[ModelMetrics.TrainRows] + model.Metrics[ModelMetrics.HoldoutRows]).ShouldBe(600);
        model.Metrics[ModelMetrics.HoldoutRows].ShouldBe(120);
    }

    [Fact]
    public void Salary_predictor_beats_predicting_the_mean()
    {
        output.WriteLine(trained.Salary.Message + " in " + trained.Durations[ModelNames.SalaryPredictor]);
        var metrics = trained.Salary.Model.ShouldNotBeNull().Metrics;
        foreach (var (key, value) in metrics) output.WriteLine($"{key} = {value:0.###}");
        metrics[ModelMetrics.MeanAbsoluteError].ShouldBeLessThan(metrics[ModelMetrics.BaselineMeanAbsoluteError] * 0.8);
        metrics[ModelMetrics.RSquared].ShouldBeGreaterThan(0.3);
        metrics.ShouldContainKey(ModelMetrics.MeanAbsoluteErrorHourly);
        metrics.ShouldContainKey(ModelMetrics.MeanAbsoluteErrorFixed);
    }

    [Fact]
    public void Salary_predictor_prices_expert_data_science_above_entry_level_writing()
    {
        var model = trained.Models.Salary.ShouldNotBeNull();
        var expert = model.Predict(Clear("Train a classifier using Machine Learning", "Predictive model and feature engineering on our training dataset.",
            ["Machine Learning", "Python", "PyTorch"], level: "expert", category: SyntheticJobs.Categories[1].Name)).ShouldNotBeNull();
        var entry = model.Predict(Clear("Write blog posts about Copywriting", "Blog posts with a friendly tone of voice.",
            ["Copywriting"], level: "entry", category: SyntheticJobs.Categories[3].Name)).ShouldNotBeNull();
        output.WriteLine($"expert data science {expert:0}/h, entry writing {entry:0}/h");
        expert.ShouldBeGreaterThan(entry * 2);
        entry.ShouldBeInRange(8m, 30m);
        model.Predict(Clear("x", "y", [], type: "weekly")).ShouldBeNull();
    }

    [Fact]
    public void Success_model_ranks_wins_above_losses()
    {
        output.WriteLine(trained.Success.Message + " in " + trained.Durations[ModelNames.SuccessModel]);
        var metrics = trained.Success.Model.ShouldNotBeNull().Metrics;
        foreach (var (key, value) in metrics) output.WriteLine($"{key} = {value:0.###}");
        metrics[ModelMetrics.Auc].ShouldBeGreaterThan(0.6);
        metrics[ModelMetrics.Accuracy].ShouldBeInRange(0.5, 1.0);
        trained.Success.Counts["won"].ShouldBeGreaterThan(0);
        trained.Success.Counts["lost"].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Too_few_jobs_or_categories_means_not_enough_data_with_the_counts()
    {
        var trainer = new ModelTrainer(new FixedTime(SyntheticJobs.Now));
        var few = trainer.TrainJobClassifier(trained.Jobs.Take(30).ToList(), 2);
        few.Trained.ShouldBeFalse();
        few.Model.ShouldBeNull();
        few.Counts["labelled_jobs"].ShouldBe(30);
        few.Message.ShouldContain("30 jobs with a category (need 50)");

        var oneCategory = trainer.TrainJobClassifier(trained.Jobs.Where(j => j.Category == SyntheticJobs.Categories[0].Name).ToList(), 2);
        oneCategory.Trained.ShouldBeFalse();
        oneCategory.Counts["categories"].ShouldBe(1);

        var unpriced = trainer.TrainSalaryPredictor(trained.Jobs.Take(80).Select(j => j with { BudgetMin = null, BudgetMax = null }).ToList(), 2);
        unpriced.Trained.ShouldBeFalse();
        unpriced.Counts["priced_jobs"].ShouldBe(0);
        unpriced.Message.ShouldContain("0 jobs with a budget (need 50)");
    }

    [Fact]
    public async Task Too_few_outcomes_or_only_one_class_means_not_enough_data()
    {
        var trainer = new ModelTrainer(new FixedTime(SyntheticJobs.Now));
        var few = await trainer.TrainSuccessModelAsync(trained.Outcomes.Take(10).ToList(), trained.Jobs, trained.Profile, new SkillMatcher(), 2, CancellationToken.None);
        few.Trained.ShouldBeFalse();
        few.Counts["decided"].ShouldBe(10);

        var allWon = trained.Outcomes.Select(o => o with { Won = true, Status = "hired" }).ToList();
        var oneClass = await trainer.TrainSuccessModelAsync(allWon, trained.Jobs, trained.Profile, new SkillMatcher(), 2, CancellationToken.None);
        oneClass.Trained.ShouldBeFalse();
        oneClass.Counts["lost"].ShouldBe(0);
        oneClass.Message.ShouldContain("0 lost");

        var unknownJobs = await trainer.TrainSuccessModelAsync(trained.Outcomes, [], trained.Profile, new SkillMatcher(), 2, CancellationToken.None);
        unknownJobs.Trained.ShouldBeFalse();
        unknownJobs.Counts["with_job"].ShouldBe(0);
    }

    [Fact]
    public void Open_and_withdrawn_proposals_are_not_counted_as_losses()
    {
        var now = SyntheticJobs.Now;
        ProposalOutcome Outcome(string status, bool won = false, int daysAgo = 3) => new(Guid.NewGuid(), Guid.NewGuid(), status, won, now.AddDays(-daysAgo));
        ModelTrainer.Decided(Outcome("hired", won: true), now).ShouldBe(true);
        ModelTrainer.Decided(Outcome("offered", won: true), now).ShouldBe(true);
        ModelTrainer.Decided(Outcome("declined"), now).ShouldBe(false);
        ModelTrainer.Decided(Outcome("archived"), now).ShouldBe(false);
        ModelTrainer.Decided(Outcome("submitted"), now).ShouldBeNull();
        ModelTrainer.Decided(Outcome("viewed", daysAgo: 45), now).ShouldBe(false);
        ModelTrainer.Decided(Outcome("withdrawn", daysAgo: 45), now).ShouldBeNull();
    }

    [Fact]
    public void Models_survive_a_round_trip_through_bytes()
    {
        var stored = trained.Salary.Model.ShouldNotBeNull();
        var reloaded = SalaryModel.Load(stored.Bytes, stored.Version);
        foreach (var job in trained.Jobs.Take(20))
            reloaded.Predict(job).ShouldBe(trained.Models.Salary!.Predict(job));
        reloaded.Version.ShouldBe(1);

        var newer = stored with { Version = 5 };
        var models = AnalysisModels.Load([stored, newer, trained.Classifier.Model!]);
        models.Salary.ShouldNotBeNull().Version.ShouldBe(5);
        models.Success.ShouldBeNull();
        models.Versions.Count.ShouldBe(2);
        models.Versions[ModelNames.SalaryPredictor].ShouldBe(5);
        models.Versions[ModelNames.JobClassifier].ShouldBe(1);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_metrics()
    {
        var trainer = new ModelTrainer(new FixedTime(SyntheticJobs.Now));
        var again = trainer.TrainSalaryPredictor(trained.Jobs, version: 2).Model.ShouldNotBeNull();
        again.Metrics.ShouldBe(trained.Salary.Model!.Metrics);
        again.Version.ShouldBe(2);
    }

    [Fact]
    public void Predictions_are_safe_from_many_threads()
    {
        var classifier = trained.Models.Classifier!;
        var jobs = trained.Jobs.Take(64).ToList();
        var sequential = jobs.Select(j => classifier.Predict(j).Category).ToList();
        var parallel = new string[jobs.Count];
        Parallel.For(0, jobs.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i % jobs.Count] = classifier.Predict(jobs[i % jobs.Count]).Category);
        parallel.ShouldBe(sequential);
    }
}
