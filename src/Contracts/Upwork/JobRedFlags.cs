namespace Contracts.Upwork;

/// <summary>
/// One warning about a job's client or text (docs/red-flags.md): a stable <see cref="Code"/> (see <see cref="RedFlagCodes"/>),
/// a <see cref="Severity"/> (<c>high</c>, <c>medium</c> or <c>low</c>) and one plain sentence saying why.
/// <see cref="Dismissed"/>: the user said they trust this client about this flag.
/// </summary>
public sealed record JobRedFlag(string Code, string Severity, string Why, bool Dismissed = false);

/// <summary>The red-flag codes, each a rule in docs/red-flags.md.</summary>
public static class RedFlagCodes
{
    /// <summary>The client's payment method is not verified.</summary>
    public const string PaymentNotVerified = "payment-not-verified";

    /// <summary>Many posted jobs and no hire.</summary>
    public const string NoHires = "no-hires";

    /// <summary>Hires on a small share of posted jobs.</summary>
    public const string LowHireRate = "low-hire-rate";

    /// <summary>Freelancers rate the client low.</summary>
    public const string LowRating = "low-rating";

    /// <summary>A client with no history offers far more than it has ever paid.</summary>
    public const string BudgetAboveHistory = "budget-above-history";

    /// <summary>The budget is far below what similar jobs pay.</summary>
    public const string BudgetBelowMarket = "budget-below-market";

    /// <summary>Asks to talk or pay outside Upwork (messengers, e-mail, phone).</summary>
    public const string OffPlatform = "off-platform";

    /// <summary>Asks for unpaid test work.</summary>
    public const string UnpaidTest = "unpaid-test";

    /// <summary>Pays in crypto, gift cards or money transfers.</summary>
    public const string UnusualPayment = "unusual-payment";

    /// <summary>Asks for personal, bank or login details.</summary>
    public const string PersonalDetails = "personal-details";

    /// <summary>A shortened link, which hides where it goes.</summary>
    public const string ShortLink = "short-link";

    /// <summary>A link to a site outside Upwork.</summary>
    public const string ExternalLink = "external-link";

    /// <summary>Every code, in the order flags are listed.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OffPlatform, UnusualPayment, PersonalDetails, UnpaidTest, ShortLink, NoHires, PaymentNotVerified, LowHireRate, LowRating,
        BudgetAboveHistory, BudgetBelowMarket, ExternalLink,
    ];
}

/// <summary>Red flags of a job for one user, for other modules (and the MCP tool): computed offline, without calling Upwork.</summary>
public interface IJobRedFlags
{
    /// <summary>The job's flags with the user's dismissals marked, or null when the job does not exist or the user may not see it.</summary>
    Task<IReadOnlyList<JobRedFlag>?> ForJobAsync(Guid userId, Guid jobPostingId, CancellationToken ct);
}
