namespace Contracts.Identity;

/// <summary>
/// GDPR: each module that stores anything about a user exports it (a JSON file in the user's ZIP) and erases it
/// when the account is deleted. The Identity module calls every registered contributor.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>The file name stem in the export (e.g. <c>ai-generations</c>).</summary>
    string Name { get; }

    /// <summary>Everything this module holds about the user, as a JSON-serialisable object. Never secrets.</summary>
    Task<object> ExportAsync(Guid userId, CancellationToken ct);

    /// <summary>Deletes (or anonymises, where an aggregate must stay) every row that references the user.</summary>
    Task EraseAsync(Guid userId, CancellationToken ct);
}
