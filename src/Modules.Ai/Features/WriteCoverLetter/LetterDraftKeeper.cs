using Microsoft.JSInterop;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// Keeps the letter being edited so a lost connection, a restart or a closed tab loses nothing: every keystroke in the
/// browser (app.js <c>uaDrafts</c>), and on the server a moment after typing stops. One per page.
/// </summary>
internal sealed class LetterDraftKeeper(IJSRuntime js, LetterDrafts server)
{
    private CancellationTokenSource? _saveDelay;

    public static string Key(Guid userId, Guid jobId) => $"letter:{userId:N}:{jobId:N}";

    /// <summary>An edit the user never saved: the browser's copy first (it has every keystroke), else the server's (another device, or cleared storage).</summary>
    public async Task<(string Text, string From)?> RestoreAsync(Guid userId, Guid jobId)
    {
        var draft = await js.InvokeAsync<string?>("uaDrafts.load", Key(userId, jobId));
        var from = "Restored your unsaved letter, kept in this browser while the connection was away.";
        if (string.IsNullOrWhiteSpace(draft))
        {
            draft = (await server.GetAsync(userId, jobId, CancellationToken.None))?.Text;
            from = "Restored the letter you were editing, kept on the server.";
        }
        return string.IsNullOrWhiteSpace(draft) ? null : (draft, from);
    }

    /// <summary>Every edit: kept on the server a moment after typing stops (the browser keeps each keystroke itself).</summary>
    public async Task EditedAsync(Guid userId, Guid jobId, string? text)
    {
        _saveDelay?.Cancel();
        var delay = _saveDelay = new CancellationTokenSource();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), delay.Token);
            await server.SaveAsync(userId, jobId, text, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // A newer edit came first: it saves instead.
        }
    }

    /// <summary>A finished letter: kept in both places at once.</summary>
    public async Task KeepAsync(Guid userId, Guid jobId, string text)
    {
        await js.InvokeVoidAsync("uaDrafts.save", Key(userId, jobId), text);
        await server.SaveAsync(userId, jobId, text, CancellationToken.None);
    }

    /// <summary>The letter became a proposal draft: nothing to restore any more.</summary>
    public async Task ForgetAsync(Guid userId, Guid jobId)
    {
        await js.InvokeVoidAsync("uaDrafts.clear", Key(userId, jobId));
        _saveDelay?.Cancel();
        await server.DeleteAsync(userId, jobId, CancellationToken.None);
    }
}
