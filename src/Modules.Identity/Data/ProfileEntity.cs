namespace Modules.Identity.Data;

/// <summary>A freelancer profile (Upwork has specialised profiles; a user may keep several).</summary>
internal sealed class ProfileEntity
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Title { get; set; }
    public string? Overview { get; set; }
    public List<string> Skills { get; set; } = [];
    public decimal? HourlyRate { get; set; }
    public int? YearsOfExperience { get; set; }
    public List<string> Languages { get; set; } = [];
    public bool IsDefault { get; set; }

    /// <summary>Shared with the team by its owner, an admin: everyone may write with it and copy it, only the owner changes it.</summary>
    public bool IsShared { get; set; }
    public List<PortfolioEntry> Portfolio { get; set; } = [];
    public List<LetterEntry> SampleLetters { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
