using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

/// <summary>
/// The letter a user is editing for a job, saved a moment after they stop typing (table <c>ai.letter_drafts</c>), so a
/// lost connection, a restarted server or another device loses nothing; with it, the answers to the job's screening questions. Gone once saved as a proposal draft.
/// </summary>
internal sealed class LetterDraft
{
    public Guid UserId { get; set; }
    public Guid JobPostingId { get; set; }
    public required string Text { get; set; }

    /// <summary>The answers to the job's screening questions being edited, as JSON keyed by a hash of each question (never the question: Upwork content).</summary>
    public string? Answers { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
