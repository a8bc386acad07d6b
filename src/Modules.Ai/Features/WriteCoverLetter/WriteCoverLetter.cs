using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Ai;
using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Ai.Data;
using Modules.Ai.Integrations.Providers;
using Modules.Ai.Writing;
using Shared.Live;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// Writes a prepared cover letter (<see cref="LetterPreparation"/> resolves the request, checks quota and cap and finds
/// a cached answer): serves the cached one, otherwise walks the provider chain — retrying 429/5xx/timeouts with
/// capped backoff, falling back to the cheaper model, then to the next provider, and finally to the offline writer — streaming text as it comes. The finished letter is scored, stored with
/// its prompt, provider, model, tokens, cost and timings, cached, and announced on the hub.
/// </summary>
internal sealed class WriteCoverLetter(
    GenerationLog log,
    IEnumerable<ILetterProvider> providers,
    HybridCache cache,
    LetterRepeats repeats,
    HubNotifier hub,
    IOptionsMonitor<AiOptions> options,
    TimeProvider time,
    ILogger<WriteCoverLetter> logger)
{
    /// <summary>Runs a prepared request to completion (the non-streaming API).</summary>
    public async Task<GenerationResult> RunAsync(PreparedLetter job, CancellationToken ct)
    {
        await foreach (var e in StreamAsync(job, ct))
            if (e is LetterCompleted done) return done.Result;
        throw new InvalidOperationException("The writer ended without a letter.");
    }

    public async IAsyncEnumerable<LetterEvent> StreamAsync(PreparedLetter job, [EnumeratorCancellation] CancellationToken ct)
    {
        var o = options.CurrentValue;
        var started = Stopwatch.StartNew();
        var now = time.GetUtcNow();

        if (job.Cached is { } hit)
        {
            var entry = new LetterRepeats.Entry(job.CacheKey, job.Inputs.Profile?.Id, job.Template.Id, job.Inputs.Tone, PromptFor(job).Text);
            if (job.RepeatKey is { } front) await repeats.RememberAsync(front, entry, CacheTtl, ct);
            await foreach (var e in StreamAsync(new RepeatedLetter(job.UserId, job.RequestId, entry, hit), ct)) yield return e;
            yield break;
        }

        var steps = job.Steps;
        var prompt = PromptFor(job);
        var attempts = job.Skipped.Select(s => new ProviderAttempt(s.Kind, "-", s.Reason)).ToList();
        var previous = await log.PreviousLettersAsync(job.UserId, job.Inputs.Job.Id, ct);

        foreach (var step in steps)
        {
            var provider = providers.First(p => p.Kind == (step.Kind == AiProviderKinds.OpenAICompatible ? AiProviderKinds.OpenAICompatible : step.Kind));
            foreach (var model in step.Models)
            {
                for (var attempt = 1; attempt <= Math.Max(1, o.Attempts); attempt++)
                {
                    yield return new LetterTrying(step.Kind, step.Name, model);
                    var maxTokens = job.Settings?.MaxTokens ?? o.MaxTokens;
                    // On a key the member did not bring, the admin's ceiling caps the answer's length (and its cost).
                    if (step.Shared && o.SharedKeys.MaxTokens > 0) maxTokens = Math.Min(maxTokens, o.SharedKeys.MaxTokens);
                    var call = new ProviderCall(model, step.ApiKey, step.BaseUrl, step.UserSuppliedUrl, prompt, maxTokens, job.Settings?.Temperature ?? o.Temperature);
                    var run = new Run(started.Elapsed);
                    await foreach (var e in RunProviderAsync(job, provider, call, run, ct)) yield return e;

                    if (run.Failure is null)
                    {
                        var result = await FinishAsync(job, step, model, run, prompt, attempts, previous, started, now, ct);
                        yield return new LetterCompleted(result);
                        yield break;
                    }

                    var failure = run.Failure;
                    AiMetrics.Request(step.Kind, ModelLabel(model), "error");
                    attempts.Add(new ProviderAttempt(step.Kind, model, failure.Message));
                    logger.LogWarning("AI provider {Provider} ({Model}) failed on attempt {Attempt}: {Reason}", step.Kind, model, attempt, failure.Message);
                    if (run.Text.Length > 0) yield return new LetterRestarted($"{step.Name} stopped part-way ({failure.Message}); starting again.");
                    if (failure.UnknownModel || !failure.Retryable) break;
                    if (attempt == o.Attempts) break;
                    var wait = failure.RetryAfter ?? TimeSpan.FromMilliseconds(400 * Math.Pow(2, attempt - 1));
                    if (wait > o.MaxRetryWait) break;
                    await Task.Delay(wait, time, ct);
                }
                // A refused key will not work with another model either.
                if (attempts.Count > 0 && attempts[^1].Outcome.Contains("refused the API key", StringComparison.Ordinal)) break;
            }
        }
        throw new InvalidOperationException("Every provider failed, including the offline writer.");
    }

    /// <summary>Serves a cached letter: stored as a hit of its own (no tokens, no cost) and returned in one piece.</summary>
    public async IAsyncEnumerable<LetterEvent> StreamAsync(RepeatedLetter job, [EnumeratorCancellation] CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var hit = job.Cached;
        AiMetrics.Request(hit.Provider, ModelLabel(hit.Model), "cached");
        yield return new LetterTrying(hit.Provider, hit.ProviderName, hit.Model);
        yield return new LetterDelta(hit.Text, hit.Quality.Words, 1);
        var cached = hit with
        {
            Id = Guid.CreateVersion7(),
            CacheHit = true,
            Cost = 0,
            LatencyMs = (int)started.ElapsedMilliseconds,
            TimeToFirstTokenMs = (int)started.ElapsedMilliseconds,
            CreatedAt = time.GetUtcNow(),
        };
        await log.StoreHitAsync(job, cached);
        yield return new LetterCompleted(cached);
    }

    /// <summary>Runs a cached letter to completion (the non-streaming API).</summary>
    public async Task<GenerationResult> RunAsync(RepeatedLetter job, CancellationToken ct)
    {
        await foreach (var e in StreamAsync(job, ct))
            if (e is LetterCompleted done) return done.Result;
        throw new InvalidOperationException("The writer ended without a letter.");
    }

    /// <summary>The cached letter quotes the job: never kept past Upwork's 24 hours, whatever Ai:CacheTtl says (docs/data-retention.md).</summary>
    private TimeSpan CacheTtl => options.CurrentValue.CacheTtl < LetterPreparation.MaxCacheTtl ? options.CurrentValue.CacheTtl : LetterPreparation.MaxCacheTtl;

    /// <summary>Mutable state of one provider attempt.</summary>
    private sealed class Run(TimeSpan startedAt)
    {
        public TimeSpan StartedAt { get; } = startedAt;
        public StringBuilder Text { get; } = new();
        public int? TokensIn { get; set; }
        public int? TokensOut { get; set; }
        public TimeSpan? FirstToken { get; set; }
        public ProviderException? Failure { get; set; }
    }

    private async IAsyncEnumerable<LetterEvent> RunProviderAsync(PreparedLetter job, ILetterProvider provider, ProviderCall call, Run run, [EnumeratorCancellation] CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(o.FirstTokenTimeout);
        var clock = Stopwatch.StartNew();
        IAsyncEnumerator<ProviderChunk>? stream = null;
        var lastHub = TimeSpan.Zero;
        try
        {
            stream = provider.StreamAsync(call, deadline.Token).GetAsyncEnumerator(deadline.Token);
            while (true)
            {
                ProviderChunk chunk;
                try
                {
                    if (!await stream.MoveNextAsync()) break;
                    chunk = stream.Current;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    run.Failure = new ProviderException(run.Text.Length == 0 ? "no answer in time" : "the stream stalled", true);
                    yield break;
                }
                catch (ProviderException e)
                {
                    run.Failure = e;
                    yield break;
                }
                if (chunk.InputTokens is not null) run.TokensIn = chunk.InputTokens;
                if (chunk.OutputTokens is not null) run.TokensOut = chunk.OutputTokens;
                if (string.IsNullOrEmpty(chunk.Text)) continue;
                if (run.FirstToken is null)
                {
                    run.FirstToken = clock.Elapsed;
                    AiMetrics.FirstTokenAfter(provider.Kind, clock.Elapsed);
                }
                deadline.CancelAfter(o.IdleTimeout);
                run.Text.Append(chunk.Text);
                var words = LetterQuality.CountWords(run.Text.ToString());
                var progress = Math.Min(0.99, (double)words / Math.Max(1, job.Inputs.TargetWords));
                yield return new LetterDelta(chunk.Text, words, progress);
                if (clock.Elapsed - lastHub > TimeSpan.FromMilliseconds(250))
                {
                    lastHub = clock.Elapsed;
                    // External clients (the hub) get progress a few times a second; the page gets every piece.
                    await hub.SendToUserAsync(job.UserId, "ai_progress", new
                    {
                        requestId = job.RequestId, jobPostingId = job.Inputs.Job.Id == Guid.Empty ? (Guid?)null : job.Inputs.Job.Id,
                        provider = provider.Kind, model = call.Model, words, progress,
                    }, CancellationToken.None);
                }
            }
            if (run.Text.ToString().Trim().Length == 0) run.Failure = new ProviderException("answered with no text", true);
        }
        finally
        {
            // Disposing the enumerator closes the HTTP response: a cancelled letter stops the provider's stream too.
            if (stream is not null) await stream.DisposeAsync();
        }
    }

    private async Task<GenerationResult> FinishAsync(
        PreparedLetter job, ChainStep step, string model, Run run, Prompt prompt, List<ProviderAttempt> attempts, IReadOnlyList<string> previous,
        Stopwatch started, DateTimeOffset now, CancellationToken ct)
    {
        var text = run.Text.ToString().Trim();
        var estimated = run.TokensIn is null || run.TokensOut is null;
        var tokensIn = run.TokensIn ?? TokenCounter.Count(prompt.System) + TokenCounter.Count(prompt.User);
        var tokensOut = run.TokensOut ?? TokenCounter.Count(text);
        var cost = Price(model, step.Paid, tokensIn, tokensOut);
        var quality = LetterQuality.Assess(text, job.Inputs, previous);
        var result = new GenerationResult(Guid.CreateVersion7(), text, step.Kind, step.Name, model, false, tokensIn, tokensOut, estimated, cost,
            (int)started.ElapsedMilliseconds, run.FirstToken is { } f ? (int)(run.StartedAt + f).TotalMilliseconds : null, quality, attempts,
            job.Inputs.Job.Id == Guid.Empty ? null : job.Inputs.Job.Id, now,
            // Each answer read back out of the letter and claim-checked on its own (the letter's gate skips its answers section).
            ScreeningAnswers.FromLetter(text, job.Inputs, step.Kind == AiProviderKinds.Offline ? ScreeningAnswers.Offline : $"{step.Name} · {model}"));
        await log.StoreAsync(job, result, prompt.Text, ct);
        var ttl = CacheTtl;
        await cache.SetAsync(job.CacheKey, result with { Attempts = [] },
            new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl }, cancellationToken: ct);
        if (job.RepeatKey is { } front)
            await repeats.RememberAsync(front, new LetterRepeats.Entry(job.CacheKey, job.Inputs.Profile?.Id, job.Template.Id, job.Inputs.Tone, prompt.Text), ttl, ct);
        AiMetrics.Request(step.Kind, ModelLabel(model), "ok");
        AiMetrics.Spent(step.Kind, ModelLabel(model), cost, tokensIn, tokensOut);
        AiMetrics.Scored(quality.Score);
        await hub.SendToUserAsync(job.UserId, "ai_complete", new
        {
            requestId = job.RequestId, generationId = result.Id, provider = result.Provider, model = result.Model, qualityScore = quality.Score,
            jobPostingId = result.JobPostingId,
        }, CancellationToken.None);
        return result;
    }

    private string ModelLabel(string? model) => AiMetrics.ModelLabel(model, options.CurrentValue);

    private static Prompt PromptFor(PreparedLetter job) => PromptBuilder.Build(job.Template.Body, job.Inputs);

    private decimal? Price(string model, bool paid, int tokensIn, int tokensOut)
    {
        if (!paid) return 0;
        var prices = options.CurrentValue.Prices;
        var price = prices.Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
        // A model missing from the price table counts at the highest known price, so naming an unknown model
        // cannot slip past the spending cap.
        price ??= prices.Count == 0 ? null : new ModelPrice { Input = prices.Values.Max(v => v.Input), Output = prices.Values.Max(v => v.Output) };
        return price is null ? null : Math.Round((tokensIn * price.Input + tokensOut * price.Output) / 1_000_000m, 6);
    }
}
