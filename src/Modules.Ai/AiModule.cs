using System.Net.ServerSentEvents;
using System.Text.Json;
using Contracts.Ai;
using Contracts.Identity;
using FluentValidation;
using Modules.Ai.Data;
using Modules.Ai.Features;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Features.ListProviders;
using Modules.Ai.Features.TrainModels;
using Contracts.Upwork.Events;
using Shared.Events;
using Modules.Ai.Features.ManageTemplates;
using Modules.Ai.Features.PartitionGenerations;
using Modules.Ai.Features.RedactJobText;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Integrations;
using Modules.Ai.Integrations.Providers;
using Shared.Jobs;

namespace Modules.Ai;

/// <summary>Entry point of the AI module; the only public non-component type in it.</summary>
public static class AiModule
{
    /// <summary>Adds the providers, the writer, templates, settings and their validators.</summary>
    public static IHostApplicationBuilder AddAiModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section);
        AiHttpClients.Register(services);
        services.AddTransient<IAiKeyTester, AiKeyTester>();
        services.AddSingleton<ILetterProvider>(sp => new OpenAIProvider(AiProviderKinds.OpenAI, sp.GetRequiredService<AiHttpClients>()));
        services.AddSingleton<ILetterProvider>(sp => new OpenAIProvider(AiProviderKinds.OpenAICompatible, sp.GetRequiredService<AiHttpClients>()));
        services.AddSingleton<ILetterProvider, AnthropicProvider>();
        services.AddSingleton<ILetterProvider, OfflineWriter>();
        services.AddTransient<ProviderChain>().AddTransient<WriteCoverLetter>().AddTransient<LetterDrafts>().AddTransient<ManageTemplates>().AddTransient<ManageSettings>();
        services.AddTransient<IValidator<LetterRequest>, LetterRequestValidator>();
        services.AddTransient<IValidator<TemplateInput>, TemplateInputValidator>();
        services.AddTransient<IValidator<AiSettingsInput>, AiSettingsInputValidator>();
        // Offline analysis: one MiniLM encoder per process (loaded on first use), models from ai.models, retrained nightly.
        var semantic = builder.Configuration.GetValue("Ai:SemanticMatching", true);
        services.AddSingleton<MiniLmEmbedder>();
        services.AddSingleton<SkillMatcher>(sp => new SkillMatcher(semantic ? sp.GetRequiredService<MiniLmEmbedder>() : null));
        services.AddSingleton<JobAnalyzer>();
        services.AddSingleton<SmartFilter>(sp => new SmartFilter(sp.GetRequiredService<JobAnalyzer>(), semantic ? sp.GetRequiredService<MiniLmEmbedder>() : null));
        services.AddSingleton<ModelTrainer>().AddTransient<ModelStore>().AddTransient<TrainModels>().AddTransient<AnalyzeJobPosting>();
        services.AddTransient<IJobFitScores, AiJobFitScores>().AddTransient<IAiUsage, AiUsage>().AddTransient<IScreeningAnswerDrafts, AiScreeningAnswerDrafts>();
        services.AddTransient<IValidator<AnalyzeRequest>, AnalyzeRequestValidator>().AddTransient<IValidator<SmartFilterRequest>, SmartFilterRequestValidator>();
        if (semantic) services.AddEventHandler<JobPostingDiscovered, EmbedNewJobPosting>();
        services.AddRecurringJob<TrainModelsJob>(TrainModelsJob.Key, "0 30 3 * * ?");
        services.AddTransient<RedactJobText>();
        services.AddEventHandler<UpworkContentExpired, RedactJobTextOnExpiry>();
        services.AddRecurringJob<RedactJobTextJob>(RedactJobTextJob.Key, TimeSpan.FromMinutes(10));
        services.AddTransient<PartitionGenerations>();
        services.AddRecurringJob<PartitionGenerationsJob>(PartitionGenerationsJob.Key, TimeSpan.FromHours(12));
        services.AddTransient<ListProviders>();
        services.AddTransient<IPersonalDataContributor, AiPersonalData>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/ai</c>.</summary>
    public static IEndpointRouteBuilder MapAiModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("ai", "AI").RequireAuthorization();
        api.MapGet("/providers", async (HttpContext http, ListProviders providers, CancellationToken ct) => ApiResults.Ok(await providers.RunAsync(UserIds.Require(http), ct)))
           .WithSummary("Your AI provider chain in fallback order: which providers are ready, with which model and key, and why any is skipped");

        api.MapPost("/generate-cover-letter", async (LetterRequest request, HttpContext http, WriteCoverLetter writer, CancellationToken ct) =>
            {
                try
                {
                    var job = await writer.PrepareAsync(UserIds.Require(http), request, ct);
                    return (IResult)ApiResults.Ok(await writer.RunAsync(job, ct));
                }
                catch (LetterRefusedException e)
                {
                    return Refused(e);
                }
            })
           .Validate<LetterRequest>()
           .WithSummary("Writes a cover letter for a stored job (jobPostingId) or an inline one, and returns it with provider, cost and quality");

        api.MapPost("/generate-cover-letter/stream", async (LetterRequest request, HttpContext http, WriteCoverLetter writer, CancellationToken ct) =>
            {
                LetterJob job;
                try
                {
                    job = await writer.PrepareAsync(UserIds.Require(http), request, ct);
                }
                catch (LetterRefusedException e)
                {
                    return Refused(e);
                }
                return TypedResults.ServerSentEvents(Events(writer, job, ct));
            })
           .Validate<LetterRequest>()
           .WithSummary("The same, streamed as server-sent events: ai_provider, ai_progress (text pieces), ai_restart, ai_complete");

        api.MapGet("/generations", async (HttpContext http, IDbContextFactory<AppDbContext> contexts, Guid? jobPostingId, int? limit, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                await using var db = await contexts.CreateDbContextAsync(ct);
                var query = db.Generations().AsNoTracking().Where(g => g.UserId == userId);
                if (jobPostingId is { } jid) query = query.Where(g => g.JobPostingId == jid);
                var rows = await query.OrderByDescending(g => g.CreatedAt).Take(Math.Clamp(limit ?? 50, 1, 200))
                    .Select(g => new { g.Id, g.JobPostingId, g.Kind, g.Provider, g.Model, g.TokensIn, g.TokensOut, g.Cost, g.QualityScore, g.CacheHit, g.LatencyMs, g.TimeToFirstTokenMs, g.CreatedAt })
                    .ToListAsync(ct);
                return ApiResults.Ok(rows);
            })
           .WithSummary("Your recent generations, newest first (optionally for one job)");

        api.MapGet("/generations/{id:guid}", async (Guid id, HttpContext http, IDbContextFactory<AppDbContext> contexts, CancellationToken ct) =>
            {
                var userId = UserIds.Require(http);
                await using var db = await contexts.CreateDbContextAsync(ct);
                var g = await db.Generations().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
                return g is null ? (IResult)ApiResults.NotFound("Generation not found") : ApiResults.Ok(new
                {
                    g.Id, g.JobPostingId, g.Kind, g.ProfileId, g.TemplateId, g.Tone, g.Prompt, g.Response, g.Provider, g.Model, g.TokensIn, g.TokensOut,
                    g.TokensUsed, g.TokensEstimated, g.Cost, g.QualityScore, Quality = Json(g.Quality), Attempts = Json(g.Attempts), g.CacheHit,
                    g.LatencyMs, g.TimeToFirstTokenMs, g.CreatedAt,
                });
            })
           .WithSummary("One of your generations with its prompt, response, quality checks and the providers tried");

        api.MapPost("/analyze-job", async (AnalyzeRequest request, HttpContext http, AnalyzeJobPosting analyze, CancellationToken ct) =>
            {
                try
                {
                    return (IResult)ApiResults.Ok(await analyze.RunAsync(UserIds.Require(http), request, ct));
                }
                catch (LetterRefusedException e)
                {
                    return Refused(e);
                }
            })
           .Validate<AnalyzeRequest>()
           .WithSummary("The spec's job analysis, computed offline: difficulty, competition, budget, skills match, complexity, client, bid range, success chance, fit — each with a reason");
        api.MapPost("/smart-filter", async (SmartFilterRequest request, HttpContext http, AnalyzeJobPosting analyze, CancellationToken ct) =>
            {
                try
                {
                    var ranked = await analyze.RankAsync(UserIds.Require(http), request, ct);
                    return (IResult)ApiResults.Ok(ranked.Select(r => new { jobPostingId = r.Job.Id, r.Job.Title, fitScore = r.Analysis.FitScore.Value, reasons = r.TopReasons, analysis = r.Analysis }));
                }
                catch (LetterRefusedException e)
                {
                    return Refused(e);
                }
            })
           .Validate<SmartFilterRequest>()
           .WithSummary("Ranks jobs (yours to see; default the 100 newest) by fit for a profile, with the top reasons");
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

        api.MapGet("/templates", async (HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                ApiResults.Ok(await templates.ListAsync(UserIds.Require(http), ct)))
           .WithSummary("The built-in templates and yours");
        api.MapPost("/templates", async (TemplateInput input, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.AtLimitAsync(UserIds.Require(http), ct)
                    ? ApiResults.Error(StatusCodes.Status409Conflict, $"You already have {templates.Limit} templates (the limit, {ManageTemplates.LimitSetting}); delete one first",
                        [new ApiFieldError("name", $"at most {templates.Limit} templates per user")])
                    : await templates.CreateAsync(UserIds.Require(http), input, ct) is { } created
                    ? (IResult)ApiResults.Created(created)
                    : ApiResults.Error(StatusCodes.Status409Conflict, "You already have a template with this name", [new ApiFieldError("name", "name is already used by another of your templates")]))
           .Validate<TemplateInput>()
           .WithSummary("Creates a template; its {variables} must be ones the writer fills (at most Ai:Limits:TemplatesPerUser, 50 by default)");
        api.MapPut("/templates/{id:guid}", async (Guid id, TemplateInput input, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.UpdateAsync(UserIds.Require(http), id, input, ct) is { } updated ? (IResult)ApiResults.Ok(updated) : ApiResults.NotFound("Template not found"))
           .Validate<TemplateInput>()
           .WithSummary("Edits one of your templates (its version goes up)");
        api.MapDelete("/templates/{id:guid}", async (Guid id, HttpContext http, ManageTemplates templates, CancellationToken ct) =>
                await templates.DeleteAsync(UserIds.Require(http), id, ct) ? (IResult)ApiResults.Ok(new { id }) : ApiResults.NotFound("Template not found"))
           .WithSummary("Deletes one of your templates");

        api.MapGet("/settings", async (HttpContext http, ManageSettings settings, CancellationToken ct) => ApiResults.Ok(await settings.GetAsync(UserIds.Require(http), ct)))
           .WithSummary("Your provider order, models and limits (workspace defaults where you set none)");
        api.MapPut("/settings", async (AiSettingsInput input, HttpContext http, ManageSettings settings, CancellationToken ct) =>
                ApiResults.Ok(await settings.SaveAsync(UserIds.Require(http), input, ct)))
           .Validate<AiSettingsInput>()
           .WithSummary("Saves your provider order, models and limits");
        return app;
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(WriteCoverLetter writer, LetterJob job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in writer.StreamAsync(job, ct))
        {
            yield return e switch
            {
                LetterTrying t => new SseItem<object>(t, "ai_provider"),
                LetterDelta d => new SseItem<object>(d, "ai_progress"),
                LetterRestarted r => new SseItem<object>(r, "ai_restart"),
                LetterCompleted c => new SseItem<object>(c.Result, "ai_complete"),
                _ => new SseItem<object>(e, e.Type),
            };
        }
    }

    private static IResult Refused(LetterRefusedException e) =>
        e.Status == StatusCodes.Status404NotFound && e.Field is not null
            ? ApiResults.Error(e.Status, e.Message, [new ApiFieldError(e.Field, e.Message)])
            : ApiResults.Error(e.Status, e.Message, e.Field is null ? null : [new ApiFieldError(e.Field, e.Message)]);

    private static JsonElement? Json(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
