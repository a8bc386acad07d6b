using Contracts.Identity;
using Contracts.Upwork;
using Modules.Ai.Features.ManageTemplates;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// The state of the letter page, shared by its panels (options, editor, quality report) through a cascading value:
/// the choices, the text as it streams in, the result, and the draft kept meanwhile. One per page; panels re-render on
/// <see cref="Changed"/>.
/// </summary>
internal sealed class LetterSession(
    LetterPreparation preparation, WriteCoverLetter writer, LetterDraftKeeper drafts, IUpworkProposals proposals, IProposalReviews reviews, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? _cts;

    public Guid UserId { get; private set; }
    public Guid JobId { get; private set; }
    public IReadOnlyList<FreelancerProfile> Profiles { get; private set; } = [];
    public IReadOnlyList<TemplateDto> Templates { get; private set; } = [];

    public string? Text { get; private set; }
    public bool Busy { get; private set; }
    public double Progress { get; private set; }
    public string? Notice { get; private set; }
    public (string Name, string Model)? Writer { get; private set; }
    public GenerationResult? Result { get; private set; }
    public bool Restored { get; private set; }
    public string RestoredFrom { get; private set; } = "";

    public string DraftKey => LetterDraftKeeper.Key(UserId, JobId);

    /// <summary>Raised whenever something a panel shows has changed.</summary>
    public event Action? Changed;

    public void Start(Guid userId, Guid jobId, IReadOnlyList<FreelancerProfile> profiles, IReadOnlyList<TemplateDto> templates) =>
        (UserId, JobId, Profiles, Templates) = (userId, jobId, profiles, templates);

    /// <summary>Brings back an edit the user never saved (connection lost, server restarted, tab closed).</summary>
    public async Task RestoreDraftAsync()
    {
        if (await drafts.RestoreAsync(UserId, JobId) is not { } draft) return;
        RestoredFrom = draft.From;
        if (!string.IsNullOrWhiteSpace(Text) || Busy) return;
        Text = draft.Text;
        Restored = true;
        Changed?.Invoke();
    }

    public async Task EditAsync(string? text)
    {
        Text = text;
        if (Busy) return;
        await drafts.EditedAsync(UserId, JobId, Text);
    }

    /// <summary>Streams a letter into <see cref="Text"/>; a refusal or a cancellation becomes the <see cref="Notice"/>.</summary>
    public async Task WriteAsync(LetterRequest request)
    {
        if (Busy) return;
        _cts = new CancellationTokenSource();
        (Busy, Notice, Restored, Result, Text, Progress) = (true, null, false, null, "", 0);
        Changed?.Invoke();
        try
        {
            var job = await preparation.PrepareAsync(UserId, request, _cts.Token);
            var lastRender = time.GetUtcNow();
            await foreach (var e in writer.StreamAsync(job, _cts.Token))
            {
                switch (e)
                {
                    case LetterTrying t:
                        Writer = (t.ProviderName, t.Model);
                        Changed?.Invoke();
                        break;
                    case LetterRestarted r:
                        Notice = r.Reason;
                        Text = "";
                        Changed?.Invoke();
                        break;
                    case LetterDelta d:
                        Text += d.Text;
                        Progress = d.Progress;
                        if (time.GetUtcNow() - lastRender > TimeSpan.FromMilliseconds(50))
                        {
                            lastRender = time.GetUtcNow();
                            Changed?.Invoke();
                            await Task.Yield();
                        }
                        break;
                    case LetterCompleted c:
                        Result = c.Result;
                        Text = c.Result.Text;
                        Writer = (c.Result.ProviderName, c.Result.Model);
                        await drafts.KeepAsync(UserId, JobId, Text);
                        break;
                }
            }
        }
        catch (RequestRefusedException e)
        {
            Notice = e.Message;
        }
        catch (OperationCanceledException)
        {
            Notice = "Cancelled. Nothing was saved; the provider stopped writing.";
        }
        finally
        {
            Busy = false;
            _cts?.Dispose();
            _cts = null;
            Changed?.Invoke();
        }
    }

    public void Cancel() => _cts?.Cancel();

    /// <summary>Saves the text as a proposal draft on the user's board.</summary>
    public async Task<ProposalDraftSaved> SaveProposalDraftAsync()
    {
        if (string.IsNullOrWhiteSpace(Text)) return ProposalDraftSaved.NothingToSave;
        if (await proposals.SaveDraftAsync(UserId, JobId, Text, aiGenerated: true, CancellationToken.None) is null) return ProposalDraftSaved.JobGone;
        await drafts.ForgetAsync(UserId, JobId);
        return ProposalDraftSaved.Saved;
    }

    /// <summary>
    /// Saves the text as the user's draft and puts it in the team's review queue with its quality report
    /// (docs/features.md, "Approval queue"). Null when sent, else why not.
    /// </summary>
    public async Task<string?> SendForReviewAsync()
    {
        if (string.IsNullOrWhiteSpace(Text)) return "Write the letter first.";
        var notes = Result?.Quality.Checks.Select(c => Clip($"{(c.Passed ? "✓" : "✗")} {c.Name}: {c.Detail}")).ToList() ?? [];
        var refusal = await reviews.SendForReviewAsync(UserId, JobId, new LetterForReview(Text, Result is not null, Result?.Quality.Score, notes), CancellationToken.None);
        if (refusal is null) await drafts.ForgetAsync(UserId, JobId);
        return refusal;
    }

    /// <summary>True when the user's letters need a reviewer's approval before they are sent.</summary>
    public Task<bool> ReviewRequiredAsync() => reviews.RequiredAsync(UserId, CancellationToken.None);

    private static string Clip(string line) => line.Length > 300 ? line[..299] + "…" : line;

    public void Dispose() => _cts?.Cancel();
}

/// <summary>The outcome of <see cref="LetterSession.SaveProposalDraftAsync"/>.</summary>
internal enum ProposalDraftSaved
{
    NothingToSave,
    Saved,

    /// <summary>The job is no longer available (retention, or no longer visible to the user): nothing was saved.</summary>
    JobGone,
}
