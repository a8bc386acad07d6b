using Contracts.Identity;
using Contracts.Upwork;
using Microsoft.AspNetCore.Components;
using Modules.Ai.Writing;

namespace Modules.Ai.Features.WriteCoverLetter;

/// <summary>
/// Writes a cover letter for one job: its analysis, the letter's options, and the editor with its quality report,
/// sharing one <see cref="LetterSession"/> that streams the letter and keeps the draft.
/// </summary>
public sealed partial class WritePage : IDisposable
{
    /// <summary>The job to write for (the route's id).</summary>
    [Parameter] public Guid JobId { get; set; }

    [Inject] private IUpworkJobs Jobs { get; set; } = null!;
    [Inject] private IFreelancerProfiles Profiles { get; set; } = null!;
    [Inject] private IJobScreeningQuestions Screening { get; set; } = null!;
    [Inject] private ITemplates Templates { get; set; } = null!;
    [Inject] private CurrentUser User { get; set; } = null!;
    [Inject] private LetterSession Session { get; set; } = null!;

    private bool _loaded;
    private JobPostingDetails? _job;
    private bool _draftChecked;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var userId = await User.IdAsync();
        var job = await Jobs.GetAsync(userId, JobId, CancellationToken.None);
        // The job's screening questions are read live from Upwork (never stored); a pasted or demo job has none.
        var questions = job is null ? [] : await Screening.ForJobAsync(userId, JobId, CancellationToken.None);
        Session.Start(userId, JobId, await Profiles.ListAsync(userId, CancellationToken.None), await Templates.ListAsync(userId, CancellationToken.None), job, questions);
        // The job is shown only once the session knows whose page this is: Blazor renders at each await above, and a job
        // shown earlier would render its analysis panel for no user (which then found no such job and broke the page).
        _job = job;
        _loaded = true;
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_job is null || _draftChecked) return;
        // An edit the user never saved (connection lost, server restarted, tab closed) comes back from the browser or the server.
        _draftChecked = true;
        await Session.RestoreDraftAsync();
    }

    /// <summary>Leaving the page stops a letter being written.</summary>
    public void Dispose() => Session.Dispose();
}
