using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Contracts.Identity;
using Modules.Upwork.Data;
using Modules.Upwork.Postings;
using Modules.Upwork.Proposals;
using Shared.Security;

namespace Modules.Upwork.Features.ReceiveWebhook;

/// <summary>
/// <c>POST /api/v1/upwork/webhooks/{sourceId}</c> for external feeds (n8n, Make, a browser extension, a partner).
/// The sender signs the raw body: <c>X-Signature-256: sha256=&lt;hex HMAC-SHA256(secret, body)&gt;</c>. The body's
/// <c>timestamp</c> (inside what is signed) must be within 5 minutes, and each event <c>id</c> is accepted once.
/// Unknown source and wrong signature get the same answer, so the endpoint reveals nothing.
/// </summary>
internal sealed partial class ReceiveWebhook(
    IDbContextFactory<AppDbContext> contexts,
    ISecretProtector secrets,
    IngestJobPostings ingest,
    AnnounceProposalMoves announce,
    TimeProvider time,
    ILogger<ReceiveWebhook> log)
{
    public const string SignatureHeader = "X-Signature-256";
    public const int MaxBodyBytes = 512 * 1024;
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public async Task<WebhookOutcome> RunAsync(Guid sourceId, Stream requestBody, string? signature, CancellationToken ct)
    {
        var body = await ReadBodyAsync(requestBody, ct);
        if (body is null) return new WebhookOutcome.TooLarge(MaxBodyBytes);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var source = await db.WebhookSources().FirstOrDefaultAsync(s => s.Id == sourceId, ct);
        if (source is null || !SignatureMatches(source, body, signature ?? ""))
            return new WebhookOutcome.SignatureMismatch();

        WebhookEvent? e;
        try { e = JsonSerializer.Deserialize<WebhookEvent>(body, JsonSerializerOptions.Web); }
        catch (JsonException ex) { return new WebhookOutcome.Invalid([new ApiFieldError("body", $"The body is not valid JSON: {ex.Message}")]); }
        var errors = Validate(e);
        if (errors.Count > 0) return new WebhookOutcome.Invalid(errors);
        var now = time.GetUtcNow();
        if ((now - e!.Timestamp!.Value).Duration() > Tolerance)
            return new WebhookOutcome.Invalid([new ApiFieldError("timestamp", "timestamp must be within 5 minutes of now; the event is too old or the sender's clock is off")]);

        if (await db.WebhookReceipts().AnyAsync(r => r.SourceId == sourceId && r.EventId == e.Id, ct))
            return Duplicate(e);

        // Process first, record the receipt after: a failure here lets the sender's retry through instead of losing the job.
        var result = e.Type is "job.created" or "job.updated" ? await ingest.RunAsync([ToDraft(source, e.Data!)], ct, new JobGrant(source.UserId, JobAccessVia.Webhook)) : null;
        // A proposal's move is saved together with the receipt: both or neither.
        (Proposal Proposal, string From)? moved = null;
        if (e.Type == "proposal.updated")
        {
            var d = e.Data!;
            var proposal = await db.Proposals().Where(p => p.UserId == source.UserId)
                .Where(p => (d.ProposalId != null && p.Id == d.ProposalId) || (d.UpworkProposalId != null && p.UpworkProposalId == d.UpworkProposalId)
                    || (d.UpworkJobId != null && db.JobPostings().Any(j => j.Id == p.JobPostingId && j.UpworkJobId == d.UpworkJobId)))
                .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);
            if (proposal is null)
                return new WebhookOutcome.Invalid([new ApiFieldError("data.proposalId", "No proposal of this webhook source's user matches proposalId, upworkProposalId or upworkJobId")]);
            // Like the sync from Upwork: only forward along the pipeline; a repeated or older status changes nothing.
            if (d.Status != proposal.Status && ProposalStatuses.Next(proposal.Status).Contains(d.Status!))
            {
                moved = (proposal, proposal.Status);
                ProposalMoves.Transition(db, proposal, d.Status!, "webhook", now);
            }
        }

        db.WebhookReceipts().Add(new WebhookReceipt { SourceId = sourceId, EventId = e.Id!, ReceivedAt = now });
        source.LastReceivedAt = now;
        source.ReceivedCount++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Duplicate(e);   // a concurrent delivery of the same event won the race; the upsert made its work idempotent
        }

        if (result is not null)
        {
            var id = result.Inserted.Concat(result.Updated).FirstOrDefault();
            return new WebhookOutcome.Accepted(new WebhookAck(e.Id!, e.Type!, Duplicate: false, id == Guid.Empty ? null : id,
                result.Inserted.Count > 0 ? "stored" : result.Updated.Count > 0 ? "updated" : "unchanged"));
        }
        log.LogInformation("Webhook source {SourceId} sent {Type} {EventId}", sourceId, e.Type, e.Id);
        if (moved is { } m) await announce.RunAsync(source.UserId, [m], now, ct);
        return new WebhookOutcome.Accepted(new WebhookAck(e.Id!, e.Type!, Duplicate: false, null, moved is null ? "unchanged" : $"moved to {moved.Value.Proposal.Status}"));
    }

    private static WebhookOutcome Duplicate(WebhookEvent e) =>
        new WebhookOutcome.Accepted(new WebhookAck(e.Id!, e.Type!, Duplicate: true, null, "This event id was already received; it was not processed again."));

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private bool SignatureMatches(WebhookSource source, byte[] body, string header)
    {
        if (string.IsNullOrEmpty(header)) return false;
        string secret;
        try { secret = secrets.Unprotect(source.Secret, WebhookSource.Purpose(source.Id)); }
        catch (CryptographicException) { return false; }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant()));
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream requestBody, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await requestBody.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static List<ApiFieldError> Validate(WebhookEvent? e)
    {
        var errors = new List<ApiFieldError>();
        if (e is null) { errors.Add(new("body", "The body must be a JSON object")); return errors; }
        if (string.IsNullOrWhiteSpace(e.Id) || e.Id.Length > 200) errors.Add(new("id", "id is required (at most 200 characters): a unique event id"));
        if (e.Type is not ("job.created" or "job.updated" or "proposal.updated")) errors.Add(new("type", "type must be job.created, job.updated or proposal.updated"));
        if (e.Timestamp is null) errors.Add(new("timestamp", "timestamp is required (ISO 8601)"));
        if (e.Data is null) errors.Add(new("data", "data is required"));
        else if (e.Type is "proposal.updated")
        {
            if (e.Data.ProposalId is null && string.IsNullOrWhiteSpace(e.Data.UpworkProposalId) && string.IsNullOrWhiteSpace(e.Data.UpworkJobId))
                errors.Add(new("data.proposalId", "data.proposalId, data.upworkProposalId or data.upworkJobId is required"));
            if (e.Data.Status is null || e.Data.Status == ProposalStatuses.Draft || !ProposalStatuses.Settable.Contains(e.Data.Status))
                errors.Add(new("data.status", $"data.status must be one of {string.Join(", ", ProposalStatuses.Settable.Skip(1))}"));
        }
        else if (e.Type is "job.created" or "job.updated")
        {
            if (string.IsNullOrWhiteSpace(e.Data.Id) && string.IsNullOrWhiteSpace(e.Data.Url)) errors.Add(new("data.id", "data.id or data.url is required"));
            if (string.IsNullOrWhiteSpace(e.Data.Title)) errors.Add(new("data.title", "data.title is required"));
            if (e.Data.Title?.Length > 500) errors.Add(new("data.title", "data.title must be at most 500 characters"));
            if (e.Data.JobType is not (null or "hourly" or "fixed")) errors.Add(new("data.jobType", "data.jobType must be hourly or fixed"));
            if (e.Data.BudgetMin is < 0 or >= 100_000_000) errors.Add(new("data.budgetMin", "data.budgetMin must be between 0 and 99,999,999.99"));
            if (e.Data.BudgetMax is < 0 or >= 100_000_000) errors.Add(new("data.budgetMax", "data.budgetMax must be between 0 and 99,999,999.99"));
            if (e.Data.Id?.Length > 500) errors.Add(new("data.id", "data.id must be at most 500 characters"));
        }
        return errors;
    }

    private static JobPostingDraft ToDraft(WebhookSource source, WebhookJobPosting d)
    {
        var upworkId = d.UpworkJobId is { } given && UpworkId().IsMatch(given) ? given
            : d.Url is not null && UpworkIdInUrl().Match(d.Url) is { Success: true } m ? m.Groups[1].Value : null;
        // The sender's id (or URL) hashed: any length, no collisions between ids that share a long prefix.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(d.Id ?? d.Url ?? "")))[..40];
        return new JobPostingDraft(
            upworkId ?? $"webhook:{source.Id:N}:{key}",
            JobSources.Webhook, d.Title!, d.Description, d.BudgetMin, d.BudgetMax, d.Skills ?? [], d.Category, d.Subcategory, d.JobType,
            d.ExperienceLevel, upworkId is null ? d.Url : $"https://www.upwork.com/jobs/~02{upworkId}", d.PostedAt, d.ProposalsCount,
            d.Client is null ? null : new ClientInfo(d.Client.TotalHires, null, null, d.Client.Rating, d.Client.TotalSpent, d.Client.PaymentVerified, d.Client.Country, null, null),
            JsonSerializer.Serialize(d, JsonSerializerOptions.Web),
            OwnerUserId: upworkId is null ? source.UserId : null);
    }

    [GeneratedRegex("^[0-9]{15,20}$")] private static partial Regex UpworkId();
    [GeneratedRegex(@"~02(\d{15,20})")] private static partial Regex UpworkIdInUrl();
}

/// <summary>The webhook body.</summary>
internal sealed record WebhookEvent(string? Id, string? Type, DateTimeOffset? Timestamp, WebhookJobPosting? Data);

/// <summary>
/// <c>data</c> of an event: a job (<c>job.created</c>, <c>job.updated</c>), or for <c>proposal.updated</c> which proposal
/// (<c>proposalId</c>, <c>upworkProposalId</c> or the job's <c>upworkJobId</c>) and its new <c>status</c>.
/// </summary>
internal sealed record WebhookJobPosting(
    string? Id, string? UpworkJobId, string? Url, string? Title, string? Description, decimal? BudgetMin, decimal? BudgetMax,
    string? JobType, IReadOnlyList<string>? Skills, string? Category, string? Subcategory, string? ExperienceLevel,
    DateTimeOffset? PostedAt, int? ProposalsCount, WebhookClient? Client,
    [property: JsonPropertyName("status")] string? Status,
    Guid? ProposalId = null,
    string? UpworkProposalId = null);

internal sealed record WebhookClient(string? Country, bool? PaymentVerified, decimal? TotalSpent, int? TotalHires, double? Rating);

/// <summary>What receiving one event came to; the endpoint turns it into HTTP (<see cref="ReceiveWebhookEndpoints"/>).</summary>
internal abstract record WebhookOutcome
{
    /// <summary>Processed, or recognised as a repeat of an event id already received.</summary>
    public sealed record Accepted(WebhookAck Ack) : WebhookOutcome;

    /// <summary>The body is larger than <paramref name="MaxBytes"/>; nothing was read past the limit.</summary>
    public sealed record TooLarge(int MaxBytes) : WebhookOutcome;

    /// <summary>Unknown source or wrong signature: the same outcome for both, so the answer reveals nothing.</summary>
    public sealed record SignatureMismatch : WebhookOutcome;

    /// <summary>Signed correctly, but the event is malformed, stale or names no proposal of the source's user.</summary>
    public sealed record Invalid(IReadOnlyList<ApiFieldError> Errors) : WebhookOutcome;
}

/// <summary>What the sender gets back.</summary>
internal sealed record WebhookAck(string EventId, string Type, bool Duplicate, Guid? JobPostingId, string? Outcome);
