namespace Contracts.Identity;

/// <summary>
/// A module's contribution to the registry of sealed columns: every column that holds a value sealed with the
/// master keys (through <c>Shared.Security.ISecretProtector</c> or Identity's own key encryption). <c>rotate-keys</c> visits
/// every registered source, re-seals each value under the active key version and reports, per column, what is
/// left on older versions. Register one per module with <c>services.AddTransient&lt;ISealedColumns, …&gt;()</c>;
/// a new sealed column is added to its module's source, so rotation cannot forget it.
/// </summary>
public interface ISealedColumns
{
    /// <summary>The columns this source visits, e.g. <c>upwork.connections.access_token</c>.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Loads every stored value, hands each to <paramref name="visit"/> and writes back the values for which it
    /// returned a new sealed form (null: keep the stored value), in one save.
    /// </summary>
    Task VisitAsync(SealedValueVisitor visit, CancellationToken ct);
}

/// <summary>
/// One sealed value in <paramref name="column"/>, in <c>Shared.Security.ISecretProtector</c>'s self-describing form
/// (<c>v{keyVersion}.…</c>) with the purpose it is bound to; returns the re-sealed form, or null to leave it.
/// </summary>
public delegate string? SealedValueVisitor(string column, string sealedValue, string purpose);

/// <summary>What <c>rotate-keys</c> did to one column, and what remains on keys other than the active one.</summary>
public sealed record SealedColumnReport(string Column, int Total, int Resealed, int RemainingOnOldVersions, IReadOnlyList<int> OldVersionsLeft);

/// <summary>Result of a rotation over every registered column.</summary>
public sealed record KeyRotationReport(int ActiveVersion, IReadOnlyList<SealedColumnReport> Columns)
{
    /// <summary>Values re-sealed by this run, over every column.</summary>
    public int Resealed => Columns.Sum(c => c.Resealed);
    /// <summary>Values still on a key other than the active one (no configured key opened them).</summary>
    public int RemainingOnOldVersions => Columns.Sum(c => c.RemainingOnOldVersions);
}
