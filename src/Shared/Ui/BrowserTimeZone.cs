using Microsoft.JSInterop;

namespace Shared.Ui;

/// <summary>
/// The browser's time zone, asked once per circuit (app.js <c>uaTimeZone()</c>) and kept; UTC until known, and UTC
/// while prerendering (no browser to ask yet).
/// </summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    private Task<TimeZoneInfo>? _load;

    /// <summary>The zone if already known, else UTC.</summary>
    public TimeZoneInfo Current { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Whether the browser has answered.</summary>
    public bool Known { get; private set; }

    /// <summary>Asks the browser (once; later callers share the answer). Only call once the component is interactive.</summary>
    public Task<TimeZoneInfo> LoadAsync() => _load ??= AskAsync();

    private async Task<TimeZoneInfo> AskAsync()
    {
        try
        {
            var reported = await js.InvokeAsync<Reported?>("uaTimeZone");
            Current = HumanTime.Zone(reported?.Zone, reported?.Offset);
            Known = true;
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            _load = null;   // try again on the next render
        }
        return Current;
    }

    private sealed record Reported(string? Zone, int? Offset);
}
