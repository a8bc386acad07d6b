using System.Linq.Expressions;
using Modules.Upwork.Data;
using Shared.Text;

namespace Modules.Upwork.Postings;

/// <summary>
/// Which jobs carry Upwork content under the 24-hour rule (docs/upwork-api.md §3, first row; docs/data-retention.md):
/// API and demo jobs, and — the stricter reading — any pasted or webhook job that names an Upwork job id, since it
/// converges on the same row as the API's copy. Only a paste or webhook with no Upwork id (<c>paste:…</c>,
/// <c>webhook:…</c>) is the user's own.
/// </summary>
internal static class UpworkContent
{
    public const string PastePrefix = "paste:";
    public const string WebhookPrefix = "webhook:";

    /// <summary>What replaces a job's title in a user's letter once the job's content expired.</summary>
    public const string TitlePlaceholder = "[job title]";

    /// <summary>What replaces a run of words a user's letter quotes from the job's post once its content expired.</summary>
    public const string QuotePlaceholder = "[quote from the job post]";

    /// <summary>A letter without the job's title and without what it quotes of the post (four or more words in a row).</summary>
    public static string ScrubLetter(string letter, string title, string? description) =>
        QuotedText.Scrub(title.Length > 0 ? letter.Replace(title, TitlePlaceholder, StringComparison.OrdinalIgnoreCase) : letter, title + "\n" + description, QuotePlaceholder);

    /// <summary>The alert's title once its job's content expired.</summary>
    public const string ExpiredAlertTitle = "Job details expired under Upwork's terms";

    /// <summary>A follow-up reminder's title once its job's content expired.</summary>
    public const string ExpiredFollowUpTitle = "Follow up on your proposal (job details expired under Upwork's terms)";

    /// <summary>Upwork content stored before <paramref name="cutoff"/>: to be removed.</summary>
    public static Expression<Func<JobPosting, bool>> Expired(DateTimeOffset cutoff) => j =>
        j.CreatedAt < cutoff
        && (j.Source == JobSources.Upwork || j.Source == JobSources.Demo || !(j.UpworkJobId.StartsWith(PastePrefix) || j.UpworkJobId.StartsWith(WebhookPrefix)));

    /// <summary>The negation of <see cref="Expired"/>: content that may still be kept.</summary>
    public static Expression<Func<JobPosting, bool>> Held(DateTimeOffset cutoff)
    {
        var expired = Expired(cutoff);
        return Expression.Lambda<Func<JobPosting, bool>>(Expression.Not(expired.Body), expired.Parameters);
    }
}
