using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contracts.Upwork;
using Microsoft.Extensions.Caching.Hybrid;
using Modules.Ai.Integrations.Providers;
using Shared.Live;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// The short way to a letter asked for again (docs/benchmarks.md, "A cached letter"). The cache key of a letter
/// (<see cref="LetterPreparation"/>) hashes what the request resolves to — the job, profile, template, settings and
/// provider chain — which takes six reads. A repeat is found without them: the request as sent, its user and the
/// version stamps of everything it resolves from (<see cref="Scope"/>: the tables below; the job stamp; the AI options)
/// make a front key that maps to the letter's key. Any write to one of those tables bumps the stamp, so the front
/// entry of a request whose inputs changed is never found again; the request then takes the long way, which
/// resolves the new inputs to a new key.
/// </summary>
internal sealed class LetterRepeats : IDisposable
{
    private readonly HybridCache _cache;
    private readonly CacheStamps _stamps;
    private readonly IDisposable? _optionsWatch;
    private string _optionsStamp;

    public LetterRepeats(HybridCache cache, CacheStamps stamps, IOptionsMonitor<AiOptions> options)
    {
        _cache = cache;
        _stamps = stamps;
        // The provider chain is planned from the options too (order, models, addresses): their fingerprint is a stamp,
        // the same on every instance with the same configuration and changed by a reload or a restart with new settings.
        _optionsStamp = Fingerprint(options.CurrentValue);
        _optionsWatch = options.OnChange(o => Volatile.Write(ref _optionsStamp, Fingerprint(o)));
    }

    /// <summary>The stamp bumped by any write to a table a letter's key is made from.</summary>
    public const string Scope = "letter-inputs";

    /// <summary>
    /// The tables a letter's key is made from, whatever module owns them: the writer's name, role and team (users and
    /// roles), the profile, the API keys and workspace settings the provider chain is planned from, the template, the
    /// AI settings, and the job with who may see it. A test checks each is in the model.
    /// </summary>
    public static readonly string[] Tables =
    [
        "identity_users", "identity_user_roles", "identity_workspace_settings", "identity_freelancer_profiles", "identity_user_api_keys",
        "ai_templates", "ai_settings", "upwork_jobs", "upwork_job_access", "upwork_connection_shares",
    ];

    /// <summary>What a repeat needs besides the letter: where the letter is cached, and what its accounting row records.</summary>
    internal sealed record Entry(string Key, Guid? ProfileId, string TemplateId, string Tone, string Prompt);

    /// <summary>The front key of a request, or null when a stamp cannot be read (Redis down): the request takes the long way.</summary>
    public async ValueTask<string?> KeyAsync(Guid userId, LetterRequest request)
    {
        if (await _stamps.GetAsync(Scope) is not { } inputs || await _stamps.GetAsync(JobPostingStamp.Scope) is not { } jobs) return null;
        var key = JsonSerializer.Serialize(new
        {
            userId, request.JobPostingId, request.Job, request.ProfileId, request.TemplateId, request.Tone, request.TargetWords, request.ScreeningQuestions,
            request.Provider, inputs, jobs, options = Volatile.Read(ref _optionsStamp),
        });
        return $"ai_repeat:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
    }

    public async ValueTask<Entry?> FindAsync(string frontKey, CancellationToken ct) =>
        await _cache.GetOrCreateAsync<Entry?>(frontKey, _ => ValueTask.FromResult<Entry?>(null),
            new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite },
            cancellationToken: ct);

    /// <summary>Remembers where a request's letter is, for as long as the letter itself is kept.</summary>
    public async ValueTask RememberAsync(string frontKey, Entry entry, TimeSpan ttl, CancellationToken ct) =>
        await _cache.SetAsync(frontKey, entry, new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl }, cancellationToken: ct);

    private static string Fingerprint(AiOptions o) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(o)));

    public void Dispose() => _optionsWatch?.Dispose();
}
