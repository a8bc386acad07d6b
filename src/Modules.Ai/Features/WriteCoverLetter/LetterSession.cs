using Contracts.Identity;
using Contracts.Upwork;
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

    /// <summary>The job's screening questions as Upwork has them now (none for pasted and demo jobs).</summary>
    public IReadOnlyList<string> Questions { get; private set; } = [];

    /// <summary>One answer per question: drafted, written with the letter, or edited; each claim-checked against the profile.</summary>
    public IReadOnlyList<ScreeningAnswerDraft> Answers => _answers;

    public bool AnswersRestored { get; private set; }

    private List<ScreeningAnswerDraft> _answers = [];
    private LetterInputs? _answerInputs;

    public string AnswerKey(string question) => LetterDraftKeeper.AnswerKey(UserId, JobId, question);

    /// <summary>Raised whenever something a panel shows has changed.</summary>
    public event Action? Changed;

    public void Start(Guid userId, Guid jobId, IReadOnlyList<FreelancerProfile> profiles, IReadOnlyList<TemplateDto> templates,
        JobPostingDetails? job = null, IReadOnlyList<string>? questions = null)
    {
        (UserId, JobId, Profiles, Templates) = (userId, jobId, profiles, templates);
        Questions = questions ?? [];
        if (job is null || Questions.Count == 0) return;
        // Until a letter is written, the offline writer's answers from the default profile: free, and grounded in it.
        _answerInputs = new LetterInputs(job, profiles.FirstOrDefault(), Tones.Default, 400, Questions, []);
        _answers = ScreeningAnswers.Draft(_answerInputs).ToList();
    }

    /// <summary>Brings back an edit the user never saved (connection lost, server restarted, tab closed).</summary>
    public async Task RestoreDraftAsync()
    {
        await RestoreAnswersAsync();
        if (await drafts.RestoreAsync(UserId, JobId) is not { } draft) return;
        RestoredFrom = draft.From;
        if (!string.IsNullOrWhiteSpace(Text) || Busy) return;
        Text = draft.Text;
        Restored = true;
        Changed?.Invoke();
    }

    private async Task RestoreAnswersAsync()
    {
        if (_answerInputs is not { } inputs || Busy) return;
        var kept = await drafts.RestoreAnswersAsync(UserId, JobId, Questions);
        for (var i = 0; i < kept.Count && i < _answers.Count; i++)
            if (kept[i] is { } answer)
            {
                _answers[i] = ScreeningAnswers.Check(Questions[i], answer, inputs, "you (your kept draft)");
                AnswersRestored = true;
            }
        if (AnswersRestored) Changed?.Invoke();
    }

    /// <summary>An answer edited: checked again against the profile, and kept like the letter.</summary>
    public async Task EditAnswerAsync(int index, string? text)
    {
        if (_answerInputs is not { } inputs || index < 0 || index >= _answers.Count) return;
        _answers[index] = ScreeningAnswers.Check(Questions[index], text ?? "", inputs, "you");
        Changed?.Invoke();
        await drafts.AnswersEditedAsync(UserId, JobId, AnswerPairs());
    }

    private List<(string, string)> AnswerPairs() => _answers.Select(a => (a.Question, a.Answer)).ToList();

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
                        if (Questions.Count > 0)
                        {
                            // The answers go to their own boxes (and the submit dialog's), not inside the cover letter.
                            _answerInputs = job.Inputs;
                            _answers = (c.Result.ScreeningAnswers is { Count: > 0 } written && written.Count == Questions.Count
                                ? written
                                : ScreeningAnswers.FromLetter(c.Result.Text, job.Inputs, $"{c.Result.ProviderName} · {c.Result.Model}")).ToList();
                            Text = ScreeningAnswers.Body(c.Result.Text);
                            AnswersRestored = false;
                            await drafts.KeepAnswersAsync(UserId, JobId, AnswerPairs());
                        }
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
        var answers = _answers.Count == 0 ? null : _answers.Select(a => new ScreeningAnswerText(a.Question, a.Answer)).ToList();
        if (await proposals.SaveDraftAsync(UserId, JobId, Text, aiGenerated: true, CancellationToken.None, answers) is null) return ProposalDraftSaved.JobGone;
        await drafts.ForgetAsync(UserId, JobId, Questions);
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
        if (refusal is null) await drafts.ForgetAsync(UserId, JobId, Questions);
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
