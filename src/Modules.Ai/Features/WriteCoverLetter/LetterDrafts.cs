using Modules.Ai.Data;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>The server's copy of the letter being edited (the browser keeps its own as well): one per user and job.</summary>
internal sealed class LetterDrafts(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public const int MaxLength = 20_000;

    public async Task<LetterDraft?> GetAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.LetterDrafts().AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.JobPostingId == jobId, ct);
    }

    /// <summary>Keeps <paramref name="text"/> (cut at <see cref="MaxLength"/>); blank text forgets the draft.</summary>
    public async Task SaveAsync(Guid userId, Guid jobId, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            await DeleteAsync(userId, jobId, ct);
            return;
        }
        if (text.Length > MaxLength) text = text[..MaxLength];
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await db.LetterDrafts().FirstOrDefaultAsync(d => d.UserId == userId && d.JobPostingId == jobId, ct);
            if (row is null) db.LetterDrafts().Add(row = new LetterDraft { UserId = userId, JobPostingId = jobId, Text = text });
            row.Text = text;
            row.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another tab inserted the row first: update it instead.
            }
        }
    }

    /// <summary>Keeps the answers to the job's screening questions (<paramref name="answers"/>: answer per question) beside the letter.</summary>
    public async Task SaveAnswersAsync(Guid userId, Guid jobId, IReadOnlyList<(string Question, string Answer)> answers, CancellationToken ct)
    {
        var json = KeptAnswers.Serialize(answers);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var row = await db.LetterDrafts().FirstOrDefaultAsync(d => d.UserId == userId && d.JobPostingId == jobId, ct);
            if (row is null) db.LetterDrafts().Add(row = new LetterDraft { UserId = userId, JobPostingId = jobId, Text = "" });
            row.Answers = json;
            row.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another tab inserted the row first: update it instead.
            }
        }
    }

    public async Task DeleteAsync(Guid userId, Guid jobId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.LetterDrafts().Where(d => d.UserId == userId && d.JobPostingId == jobId).ExecuteDeleteAsync(ct);
    }
}
