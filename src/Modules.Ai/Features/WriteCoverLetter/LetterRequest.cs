using Contracts.Ai;
using Contracts.Upwork;
using FluentValidation;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>Body of <c>POST /api/v1/ai/generate-cover-letter</c> (and <c>/stream</c>): a stored job by id, or a job inline.</summary>
internal sealed record LetterRequest(
    Guid? JobPostingId = null,
    InlineJobPosting? Job = null,
    Guid? ProfileId = null,
    string? TemplateId = null,
    string? Tone = null,
    int? TargetWords = null,
    IReadOnlyList<string>? ScreeningQuestions = null,
    bool Regenerate = false,
    string? Provider = null);


internal static class Tones
{
    public const string Default = "professional";
    public static readonly IReadOnlyList<string> All = ["professional", "friendly", "direct", "confident", "enthusiastic", "formal"];
}

internal sealed class LetterRequestValidator : AbstractValidator<LetterRequest>
{
    public LetterRequestValidator()
    {
        RuleFor(r => r.JobPostingId).NotNull().When(r => r.Job is null).WithMessage("jobPostingId is required (or give the job inline as job)");
        RuleFor(r => r.Job).Null().When(r => r.JobPostingId is not null).WithMessage("job must be left out when jobPostingId is given");
        RuleFor(r => r.Job!.Title).NotEmpty().WithMessage("job.title is required").MaximumLength(300).WithMessage("job.title must be at most 300 characters")
            .When(r => r.Job is not null).OverridePropertyName("job.title");
        RuleFor(r => r.Job!.Description).MaximumLength(20_000).WithMessage("job.description must be at most 20,000 characters")
            .When(r => r.Job is not null).OverridePropertyName("job.description");
        RuleFor(r => r.Job!.Skills).Must(s => s is null || (s.Count <= 50 && s.All(x => x is not null && x.Length <= 100)))
            .WithMessage("job.skills must be at most 50 skills of at most 100 characters").When(r => r.Job is not null).OverridePropertyName("job.skills");
        RuleFor(r => r.Tone).Must(t => t is null || Tones.All.Contains(t.Trim().ToLowerInvariant()))
            .WithMessage($"tone must be one of {string.Join(", ", Tones.All)}");
        RuleFor(r => r.TargetWords).InclusiveBetween(100, 1000).WithMessage("targetWords must be between 100 and 1,000");
        RuleFor(r => r.ScreeningQuestions).Must(q => q is null || (q.Count <= 10 && q.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 1000)))
            .WithMessage("screeningQuestions must be at most 10 non-empty questions of at most 1,000 characters");
        RuleFor(r => r.Provider).Must(p => p is null || AiProviderKinds.All.Contains(p))
            .WithMessage($"provider must be one of {string.Join(", ", AiProviderKinds.All)}");
        RuleFor(r => r.TemplateId).MaximumLength(64).WithMessage("templateId must be at most 64 characters");
    }
}
