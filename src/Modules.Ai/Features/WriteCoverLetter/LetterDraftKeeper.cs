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

    /// <summary>The browser's key for the answer to one screening question of the job (app.js keeps each keystroke).</summary>
    public static string AnswerKey(Guid userId, Guid jobId, string question) => $"{Key(userId, jobId)}:answer:{KeptAnswers.Key(question)}";

    private CancellationTokenSource? _answersDelay;

    /// <summary>Answers the user edited and never saved: per question, the browser's copy first, else the server's; null where neither has one.</summary>
    public async Task<IReadOnlyList<string?>> RestoreAnswersAsync(Guid userId, Guid jobId, IReadOnlyList<string> questions)
    {
        if (questions.Count == 0) return [];
        var result = new List<string?>();
        string? onServer = null;
        var serverRead = false;
        foreach (var q in questions)
        {
            var answer = await js.InvokeAsync<string?>("uaDrafts.load", AnswerKey(userId, jobId, q));
            if (string.IsNullOrWhiteSpace(answer))
            {
                if (!serverRead) (onServer, serverRead) = ((await server.GetAsync(userId, jobId, CancellationToken.None))?.Answers, true);
                answer = KeptAnswers.Find(onServer, q);
            }
            result.Add(string.IsNullOrWhiteSpace(answer) ? null : answer);
        }
        return result;
    }

    /// <summary>An answer edited: kept on the server a moment after typing stops (the browser keeps each keystroke itself).</summary>
    public async Task AnswersEditedAsync(Guid userId, Guid jobId, IReadOnlyList<(string Question, string Answer)> answers)
    {
        _answersDelay?.Cancel();
        var delay = _answersDelay = new CancellationTokenSource();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), delay.Token);
            await server.SaveAnswersAsync(userId, jobId, answers, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // A newer edit came first: it saves instead.
        }
    }

    /// <summary>Fresh answers (a letter was written): kept in both places at once.</summary>
    public async Task KeepAnswersAsync(Guid userId, Guid jobId, IReadOnlyList<(string Question, string Answer)> answers)
    {
        foreach (var (q, a) in answers) await js.InvokeVoidAsync("uaDrafts.save", AnswerKey(userId, jobId, q), a);
        await server.SaveAnswersAsync(userId, jobId, answers, CancellationToken.None);
    }

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
    public async Task ForgetAsync(Guid userId, Guid jobId, IReadOnlyList<string> questions)
    {
        await js.InvokeVoidAsync("uaDrafts.clear", Key(userId, jobId));
        foreach (var q in questions) await js.InvokeVoidAsync("uaDrafts.clear", AnswerKey(userId, jobId, q));
        _saveDelay?.Cancel();
        _answersDelay?.Cancel();
        await server.DeleteAsync(userId, jobId, CancellationToken.None);
    }
}
