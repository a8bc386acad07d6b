using Contracts.Identity;
using Modules.Ai.Data;
using Modules.Ai.Integrations.Providers;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>What happens while a letter is written, in order: trying → delta… (→ restart → delta…) → complete.</summary>
internal abstract record LetterEvent(string Type);

/// <summary>A provider is being asked (also when a previous one failed).</summary>
internal sealed record LetterTrying(string Provider, string ProviderName, string Model) : LetterEvent("trying");

/// <summary>More text; <see cref="Progress"/> is 0–1 against the target length.</summary>
internal sealed record LetterDelta(string Text, int Words, double Progress) : LetterEvent("delta");

/// <summary>The provider failed part-way: the text so far is dropped and the next provider starts over.</summary>
internal sealed record LetterRestarted(string Reason) : LetterEvent("restart");

internal sealed record LetterCompleted(GenerationResult Result) : LetterEvent("complete");

/// <summary>A provider passed over, and why.</summary>
internal sealed record ProviderAttempt(string Provider, string Model, string Outcome);

/// <summary>A finished letter as the API, the editor and the cache hold it.</summary>
internal sealed record GenerationResult(
    Guid Id, string Text, string Provider, string ProviderName, string Model, bool CacheHit, int? TokensIn, int? TokensOut, bool TokensEstimated,
    decimal? Cost, int LatencyMs, int? TimeToFirstTokenMs, QualityReport Quality, IReadOnlyList<ProviderAttempt> Attempts, Guid? JobPostingId, DateTimeOffset CreatedAt,
    IReadOnlyList<ScreeningAnswerDraft>? ScreeningAnswers = null);

/// <summary>A request checked and resolved (job, profile, template, chain), ready to run.</summary>
internal sealed record PreparedLetter(
    Guid UserId, LetterRequest Request, LetterInputs Inputs, TemplateDto Template, IReadOnlyList<ChainStep> Steps,
    IReadOnlyList<ChainSkip> Skipped, AiSettings? Settings, string CacheKey, Guid RequestId, GenerationResult? Cached, string? RepeatKey = null);

/// <summary>A letter asked for again, found the short way (<see cref="LetterRepeats"/>): nothing resolved, nothing to spend.</summary>
internal sealed record RepeatedLetter(Guid UserId, Guid RequestId, LetterRepeats.Entry Entry, GenerationResult Cached);
