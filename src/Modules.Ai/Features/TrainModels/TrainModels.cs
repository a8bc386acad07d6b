using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Quartz;

namespace Modules.Ai.Features.TrainModels;

/// <summary>What one training run did for one model.</summary>
internal sealed record TrainingReport(string Model, bool Trained, bool Promoted, string Message, IReadOnlyDictionary<string, double>? Metrics, int? Version);

/// <summary>
/// Trains the specification's models (docs/specification.md §6) on the data the workspace has: the job classifier and salary predictor on recent public jobs
/// (workspace-wide), and a user's success model on their own proposal outcomes with their default profile. With too
/// little data a model is not trained and the report says what is missing; the analyzer then uses its priors.
/// </summary>
internal sealed class TrainModels(
    IUpworkJobs jobs, IUpworkProposals proposals, IFreelancerProfiles profiles, ModelStore store, ModelTrainer trainer, SkillMatcher matcher,
    JobAnalyzer analyzer, ILogger<TrainModels> log)
{
    public const int SampleSize = 5000;

    public async Task<IReadOnlyList<TrainingReport>> RunWorkspaceAsync(CancellationToken ct)
    {
        var sample = await jobs.SampleAsync(SampleSize, ct);
        var reports = new List<TrainingReport>
        {
            await SaveAsync(trainer.TrainJobClassifier(sample, await store.NextVersionAsync(ModelNames.JobClassifier, null, ct)), ModelNames.JobClassifier, null, ct),
            await SaveAsync(trainer.TrainSalaryPredictor(sample, await store.NextVersionAsync(ModelNames.SalaryPredictor, null, ct)), ModelNames.SalaryPredictor, null, ct),
        };
        return reports;
    }

    public async Task<TrainingReport> RunForUserAsync(Guid userId, CancellationToken ct)
    {
        var profile = (await profiles.ListAsync(userId, ct)).FirstOrDefault();
        if (profile is null) return new TrainingReport(ModelNames.SuccessModel, false, false, "Create a profile first: the success model learns how your profile fares.", null, null);
        var outcomes = await proposals.OutcomesAsync(userId, ct);
        var outcomeJobs = await jobs.GetManyAsync(userId, outcomes.Select(o => o.JobPostingId).Distinct().ToList(), ct);
        var version = await store.NextVersionAsync(ModelNames.SuccessModel, userId, ct);
        // The general model is the analyzer without a personal model: the personal one must beat it on the same holdout.
        var result = await trainer.TrainSuccessModelAsync(outcomes, outcomeJobs, profile, matcher, version, ct,
            async (job, at, token) => (await analyzer.AnalyzeAsync(job, profile, AnalysisModels.None, at, token)).SuccessProbability.Value);
        return await SaveAsync(result, ModelNames.SuccessModel, userId, ct);
    }

    private async Task<TrainingReport> SaveAsync(TrainingResult result, string name, Guid? userId, CancellationToken ct)
    {
        if (result.Model is not { } model)
        {
            log.LogInformation("Not training {Model}: {Message}", name, result.Message);
            return new TrainingReport(name, false, false, result.Message, null, null);
        }
        var (promoted, reason) = await store.SaveAsync(model, userId, ct);
        log.LogInformation("Trained {Model} v{Version} on {Rows} rows: {Reason}", name, model.Version, model.Rows, reason);
        return new TrainingReport(name, true, promoted, $"{result.Message} {(promoted ? "In use" : "Not used")}: {reason}.", model.Metrics, model.Version);
    }
}

/// <summary>Nightly: retrains the workspace models (Quartz; one instance at a time when clustered).</summary>
[DisallowConcurrentExecution]
internal sealed class TrainModelsJob(TrainModels train) : IJob
{
    public static readonly JobKey Key = new("ai.train-models");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await train.RunWorkspaceAsync(ct);
}
