using Contracts.Upwork.Events;
using FluentValidation;
using Modules.Ai.Models;
using Modules.Ai.Scoring;
using Shared.Events;
using Shared.Jobs;

namespace Modules.Ai.Features.AnalyzeJob;

internal static class AnalyzeJobServices
{
    /// <summary>
    /// Offline analysis: one MiniLM encoder per process (loaded on first use, only with <c>Ai:SemanticMatching</c>),
    /// models from ai.models (retrained nightly by the TrainModels slice).
    /// </summary>
    public static IServiceCollection AddJobAnalysis(this IServiceCollection services, bool semantic)
    {
        services.AddSingleton<MiniLmEmbedder>();
        services.AddSingleton<SkillMatcher>(sp => new SkillMatcher(semantic ? sp.GetRequiredService<MiniLmEmbedder>() : null));
        services.AddSingleton<JobAnalyzer>();
        services.AddSingleton<SmartFilter>(sp => new SmartFilter(sp.GetRequiredService<JobAnalyzer>(), semantic ? sp.GetRequiredService<MiniLmEmbedder>() : null));
        services.AddSingleton<ModelTrainer>().AddTransient<ModelStore>().AddTransient<AnalyzeJobPosting>();
        services.AddTransient<IValidator<AnalyzeRequest>, AnalyzeRequestValidator>().AddTransient<IValidator<SmartFilterRequest>, SmartFilterRequestValidator>();
        if (semantic) services.AddEventHandler<JobPostingDiscovered, EmbedNewJobPosting>();
        return services;
    }
}
