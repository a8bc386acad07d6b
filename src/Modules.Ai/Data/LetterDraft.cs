using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Modules.Ai.Data;

/// <summary>
/// The letter a user is editing for a job, saved a moment after they stop typing (table <c>ai.letter_drafts</c>), so a
/// lost connection, a restarted server or another device loses nothing. Gone once saved as a proposal draft.
/// </summary>
internal sealed class LetterDraft
{
    public Guid UserId { get; set; }
    public Guid JobPostingId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
