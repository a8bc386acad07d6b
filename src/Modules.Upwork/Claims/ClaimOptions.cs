namespace Modules.Upwork.Claims;

/// <summary>Claims on jobs (<c>Upwork:Claims</c>).</summary>
internal sealed class ClaimOptions
{
    public const string Section = "Upwork:Claims";

    /// <summary>Minutes a claim holds without a draft before a teammate may claim the job (a tracked proposal makes it hold).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 7 * 24 * 60)]
    public int ExpiryMinutes { get; set; } = 120;
}
