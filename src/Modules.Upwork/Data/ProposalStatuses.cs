namespace Modules.Upwork.Data;

/// <summary>
/// The pipeline: draft → submitted → viewed → interviewing → offered → hired, or declined, withdrawn, archived. Two
/// statuses belong to "Submit via Upwork" only: <see cref="Submitting"/> (claimed, the one call to Upwork in flight) and
/// <see cref="Unconfirmed"/> (Upwork did not say whether it arrived: check Upwork; never sent again automatically).
/// </summary>
internal static class ProposalStatuses
{
    public const string Draft = "draft";
    public const string Submitting = "submitting";
    public const string Unconfirmed = "unconfirmed";
    public const string Submitted = "submitted";
    public const string Viewed = "viewed";
    public const string Interviewing = "interviewing";
    public const string Offered = "offered";
    public const string Hired = "hired";
    public const string Declined = "declined";
    public const string Withdrawn = "withdrawn";
    public const string Archived = "archived";

    /// <summary>Board columns, in order.</summary>
    public static readonly string[] All = [Draft, Submitting, Unconfirmed, Submitted, Viewed, Interviewing, Offered, Hired, Declined, Withdrawn, Archived];

    /// <summary>Set only by "Submit via Upwork": never chosen in a create, a move or a webhook.</summary>
    public static readonly string[] SubmitOnly = [Submitting, Unconfirmed];

    /// <summary>What a user or an integration may set directly.</summary>
    public static readonly string[] Settable = [.. All.Except(SubmitOnly)];

    private static readonly string[] Line = [Draft, Submitted, Viewed, Interviewing, Offered, Hired];

    /// <summary>
    /// Where a proposal may go next: forward along the line (steps may be skipped: a client can hire without an
    /// interview), to declined or withdrawn once sent, and to archived from anywhere. Nothing comes back from archived.
    /// </summary>
    /// <remarks>
    /// <see cref="Submitting"/> and <see cref="Unconfirmed"/> may move to anything after draft (the status sync found it on
    /// Upwork, or the user checked there); only an unconfirmed one may go back to draft, once the user has seen on Upwork
    /// that it did not arrive — a submission still in flight never does, so it can never be sent twice.
    /// </remarks>
    public static IReadOnlyList<string> Next(string from)
    {
        if (from == Archived) return [];
        if (from is Submitting or Unconfirmed)
            return [.. (from == Unconfirmed ? [Draft] : Array.Empty<string>()), .. Line.Skip(1), Declined, Withdrawn, Archived];
        var next = new List<string>();
        var at = Array.IndexOf(Line, from);
        if (at >= 0) next.AddRange(Line.Skip(at + 1));
        if (from is not (Draft or Hired or Declined or Withdrawn)) next.AddRange([Declined, Withdrawn]);
        next.Add(Archived);
        return next;
    }
}
