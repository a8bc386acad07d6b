namespace Modules.Upwork.Data;

/// <summary>How one user wants in-app alerts (table <c>upwork.alert_preferences</c>); no row means the defaults.</summary>
internal sealed class AlertPreference
{
    public Guid UserId { get; set; }

    /// <summary>The toast for a new matching job also plays a short sound (once the page has had a click or key press).</summary>
    public bool PlaySound { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
