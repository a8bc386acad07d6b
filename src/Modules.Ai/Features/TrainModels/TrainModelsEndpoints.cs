using Contracts.Identity;
using Modules.Ai.Models;
using Shared.Jobs;

namespace Modules.Ai.Features.TrainModels;

internal static class TrainModelsEndpoints
{
    /// <summary>Registers the slice's handler and the nightly retraining.</summary>
    public static IServiceCollection AddTrainModels(this IServiceCollection services)
    {
        services.AddTransient<TrainModels>();
        services.AddRecurringJob<TrainModelsJob>(TrainModelsJob.Key, "0 30 3 * * ?");
        return services;
    }

    public static RouteGroupBuilder MapTrainModels(this RouteGroupBuilder api)
    {
        api.MapGet("/models", async (HttpContext http, ModelStore store, CancellationToken ct) => ApiResults.Ok(await store.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("The trained models (workspace and yours): versions, holdout metrics, which is in use");
        api.MapPost("/models/train", async (HttpContext http, TrainModels train, CancellationToken ct) =>
            {
                var reports = new List<TrainingReport> { await train.RunForUserAsync(UserIds.Require(http), ct) };
                // Workspace models learn from everyone's jobs and cost CPU: admins only.
                if (http.User.IsInRole(Roles.Admin)) reports.AddRange(await train.RunWorkspaceAsync(ct));
                return ApiResults.Ok(reports);
            })
           .WithSummary("Trains your success model now (admins: the workspace's classifier and salary model too)");
        return api;
    }
}
