using System.Diagnostics;
using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;

namespace UnitTests.Ai;

/// <summary>Trains the three models once on synthetic data, for every test class in the collection.</summary>
public sealed class TrainedModelsFixture
{
    internal SyntheticJobs Data { get; } = new(seed: 7);
    internal List<JobPostingDetails> Jobs { get; }
    internal FreelancerProfile Profile { get; } = SyntheticJobs.WebDeveloper();
    internal List<ProposalOutcome> Outcomes { get; }
    internal TrainingResult Classifier { get; }
    internal TrainingResult Salary { get; }
    internal TrainingResult Success { get; }
    internal AnalysisModels Models { get; }
    internal IReadOnlyDictionary<string, TimeSpan> Durations { get; }

    public TrainedModelsFixture()
    {
        Jobs = Data.Jobs(600);
        Outcomes = Data.Outcomes(Jobs, Profile, 300);
        var trainer = new ModelTrainer(new FixedTime(SyntheticJobs.Now));
        var durations = new Dictionary<string, TimeSpan>();
        var watch = Stopwatch.StartNew();
        Classifier = trainer.TrainJobClassifier(Jobs, version: 1);
        durations[ModelNames.JobClassifier] = watch.Elapsed;
        watch.Restart();
        Salary = trainer.TrainSalaryPredictor(Jobs, version: 1);
        durations[ModelNames.SalaryPredictor] = watch.Elapsed;
        watch.Restart();
        Success = trainer.TrainSuccessModelAsync(Outcomes, Jobs, Profile, new SkillMatcher(), version: 1, CancellationToken.None)
            .GetAwaiter().GetResult();
        durations[ModelNames.SuccessModel] = watch.Elapsed;
        Durations = durations;
        Models = AnalysisModels.Load(new[] { Classifier.Model, Salary.Model, Success.Model }.OfType<TrainedModel>());
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedModelsCollection : ICollectionFixture<TrainedModelsFixture>
{
    public const string Name = "Trained models";
}
