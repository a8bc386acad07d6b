using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Ai.Data;
using Modules.Ai.Features.AnalyzeJob;
using Modules.Ai.Features.ListGenerations;
using Modules.Ai.Features.ListProviders;
using Modules.Ai.Features.ManageSettings;
using Modules.Ai.Features.ManageTemplates;
using Modules.Ai.Features.PartitionGenerations;
using Modules.Ai.Features.RedactJobText;
using Modules.Ai.Features.TrainModels;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Ai.Integrations;
using Modules.Ai.Integrations.Providers;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Modules.Ai.Writing;
using Shared.Data;
using Shared.Events;
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
        var semantic = builder.Configuration.GetValue("Ai:SemanticMatching", true);
        services.AddLetterProviders(semantic);
        services.AddTransient<IAiKeyTester, AiKeyTester>();
        services.AddSingleton<GenerationHits>().AddHostedService(sp => sp.GetRequiredService<GenerationHits>());
        services.AddSingleton<LetterRepeats>().Configure<TableStampOptions>(o => o.Watch(LetterRepeats.Scope, LetterRepeats.Tables));
        services.AddTransient<LetterPreparation>().AddTransient<GenerationLog>().AddTransient<WriteCoverLetter>().AddTransient<LetterDrafts>().AddTransient<SpendingGuard>()
            .AddTransient<LetterDraftKeeper>().AddTransient<LetterSession>().AddTransient<ManageTemplates>().AddTransient<ITemplates>(sp => sp.GetRequiredService<ManageTemplates>()).AddTransient<ManageSettings>();
        services.AddTransient<IValidator<LetterRequest>, LetterRequestValidator>();
        services.AddTransient<IValidator<TemplateInput>, TemplateInputValidator>();
        services.AddTransient<IValidator<AiSettingsInput>, AiSettingsInputValidator>();
        services.AddJobAnalysis(semantic).AddTrainModels();
        services.AddTransient<IJobFitScores, AiJobFitScores>().AddTransient<IMarketRates, AiMarketRates>().AddTransient<IAiUsage, AiUsage>().AddTransient<IScreeningAnswerDrafts, AiScreeningAnswerDrafts>();
        services.AddTransient<RedactJobText>();
        services.AddEventHandler<UpworkContentExpired, RedactJobTextOnExpiry>();
        services.AddRecurringJob<RedactJobTextJob>(RedactJobTextJob.Key, TimeSpan.FromMinutes(10));
        services.AddTransient<PartitionGenerations>();
        services.AddRecurringJob<PartitionGenerationsJob>(PartitionGenerationsJob.Key, TimeSpan.FromHours(12));
        services.AddTransient<ListProviders>().AddTransient<ListGenerations>();
        services.AddTransient<IPersonalDataContributor, AiPersonalData>();
        // MCP tools, each next to the REST route it mirrors (docs/mcp.md).
        services.AddMcpServer().WithTools<AnalyzeJobTools>().WithTools<WriteCoverLetterTools>().WithPrompts<WriteCoverLetterTools.Prompts>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/ai</c>.</summary>
    public static IEndpointRouteBuilder MapAiModule(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("ai", "AI").RequireAuthorization(Permissions.Read).RequireForChanges(Permissions.Draft).AnswerRefusals()
            .MapListProviders().MapWriteCoverLetter().MapListGenerations().MapAnalyzeJob().MapTrainModels().MapManageTemplates().MapManageSettings();
        return app;
    }
}
