using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Modules.Upwork.Data;

namespace Modules.Upwork.Postings;

/// <summary>A job posting as any source delivers it, before it is stored. Every source maps to this one shape.</summary>
internal sealed record JobPostingDraft(
    string SourceId,
    string Source,
    string Title,
    string? Description,
    decimal? BudgetMin,
    decimal? BudgetMax,
    IReadOnlyList<string> Skills,
    string? Category,
    string? Subcategory,
    string? JobType,
    string? ExperienceLevel,
    string? Url,
    DateTimeOffset? PostedAt,
    int? ProposalsCount,
    ClientInfo? Client,
    string? RawPayload,
    bool IsDemo = false,
    DateTimeOffset? ExpiresAt = null,
    Guid? OwnerUserId = null)
{
    /// <summary>Hash of what a user would see change; the raw payload is left out (Upwork reorders fields).</summary>
    public string ContentHash()
    {
        var content = JsonSerializer.Serialize(new
        {
            Title, Description, BudgetMin, BudgetMax, Skills, Category, Subcategory, JobType, ExperienceLevel, Url, ProposalsCount, Client, ExpiresAt,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Trims every text to what the columns hold, so no source can fail an insert with an over-long value.</summary>
    public JobPostingDraft Normalized() => this with
    {
        SourceId = Cut(SourceId, 100)!,
        Title = Cut(string.IsNullOrWhiteSpace(Title) ? "Untitled job" : Title.Trim(), 500)!,
        Description = Cut(Description, 50_000),
        Skills = Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Cut(s.Trim(), 100)!).Distinct(StringComparer.OrdinalIgnoreCase).Take(50).ToList(),
        Category = Cut(Category, 100),
        Subcategory = Cut(Subcategory, 100),
        JobType = Cut(JobType, 50),
        ExperienceLevel = Cut(ExperienceLevel, 50),
        Url = Url is not null && Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" ? Cut(Url, 500) : null,
        Client = Client is null ? null : Client with { Country = Cut(Client.Country, 100), City = Cut(Client.City, 100), Timezone = Cut(Client.Timezone, 100) },
        // timestamptz takes UTC only, and SQLite sorts the stored ticks: every time is normalised to UTC here.
        PostedAt = PostedAt?.ToUniversalTime(),
        ExpiresAt = ExpiresAt?.ToUniversalTime(),
    };

    private static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
