using FakeUpwork.Data;

namespace FakeUpwork;

/// <summary>
/// The fake's thread-safe store: clients, users, jobs, proposals, authorization codes and tokens.
/// Collections are returned as snapshots; jobs are the stored instances (a test may change one in place),
/// clients and proposals are copies.
/// </summary>
public sealed partial class FakeUpworkState
{
    /// <summary>The proposal status names the real API uses (mixed case).</summary>
    public static IReadOnlyList<string> ProposalStatuses { get; } =
        ["Accepted", "Declined", "Withdrawn", "Offered", "Activated", "Archived", "Hired", "Pending", "Invalid"];

    private readonly FakeClock _clock;
    private readonly JobGenerator _generator;
    private readonly Dictionary<string, FakeClient> _clients = new(StringComparer.Ordinal);
    private readonly List<FakeUser> _users = [];
    private readonly List<FakeJob> _jobs = [];
    private readonly Dictionary<string, FakeJob> _jobsById = new(StringComparer.Ordinal);
    private readonly List<FakeProposal> _proposals = [];
    private string _approvingUserId = "";

    internal FakeUpworkState(FakeClock clock, FakeUpworkOptions options)
    {
        _clock = clock;
        _generator = new JobGenerator(options.Seed);
        foreach (var client in options.Clients)
        {
            RegisterClient(client);
        }

        foreach (var user in options.Users)
        {
            AddUser(user);
        }

        SeedJobs(options.SeedJobs);
        SeedProposals(options.SeedProposals);
    }

    internal Lock Sync { get; } = new();

    internal FakeClock Clock => _clock;

    /// <summary>The user the authorize endpoint approves (default: the first user added).</summary>
    public string ApprovingUserId
    {
        get
        {
            lock (Sync)
            {
                return _approvingUserId;
            }
        }

        set
        {
            lock (Sync)
            {
                if (_users.All(u => u.Id != value))
                {
                    throw new ArgumentException($"Unknown user '{value}'.", nameof(value));
                }

                _approvingUserId = value;
            }
        }
    }

    /// <summary>Copies of the registered clients.</summary>
    public IReadOnlyList<FakeClient> Clients
    {
        get
        {
            lock (Sync)
            {
                return [.. _clients.Values.Select(c => c.Clone())];
            }
        }
    }

    /// <summary>The users (stored instances).</summary>
    public IReadOnlyList<FakeUser> Users
    {
        get
        {
            lock (Sync)
            {
                return [.. _users];
            }
        }
    }

    /// <summary>A snapshot of the stored jobs, in insertion order.</summary>
    public IReadOnlyList<FakeJob> Jobs
    {
        get
        {
            lock (Sync)
            {
                return [.. _jobs];
            }
        }
    }

    /// <summary>Copies of the stored proposals.</summary>
    public IReadOnlyList<FakeProposal> Proposals
    {
        get
        {
            lock (Sync)
            {
                return [.. _proposals.Select(p => p.Clone())];
            }
        }
    }

    /// <summary>Registers (or replaces) a client. The instance is copied.</summary>
    /// <param name="client">The client.</param>
    public void RegisterClient(FakeClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        lock (Sync)
        {
            _clients[client.ClientId] = client.Clone();
        }
    }

    /// <summary>
    /// Changes a client (redirect URI, secret, scopes, enterprise flag). A change of scopes revokes every token of the client,
    /// as changing a key's permissions does on Upwork.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="update">Applied to a copy that then replaces the stored client.</param>
    public void UpdateClient(string clientId, Action<FakeClient> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (Sync)
        {
            if (!_clients.TryGetValue(clientId, out var current))
            {
                throw new KeyNotFoundException($"Unknown client '{clientId}'.");
            }

            var copy = current.Clone();
            update(copy);
            var scopesChanged = !copy.Scopes.SetEquals(current.Scopes);
            _clients.Remove(clientId);
            _clients[copy.ClientId] = copy.Clone();
            if (scopesChanged || copy.ClientId != clientId)
            {
                RevokeWhere(t => t.ClientId == clientId);
            }
        }
    }

    /// <summary>Adds a user (stored as given). The first user becomes <see cref="ApprovingUserId"/>.</summary>
    /// <param name="user">The user.</param>
    public void AddUser(FakeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (Sync)
        {
            if (_users.Any(u => u.Id == user.Id))
            {
                throw new ArgumentException($"User '{user.Id}' exists.", nameof(user));
            }

            _users.Add(user);
            if (_approvingUserId.Length == 0)
            {
                _approvingUserId = user.Id;
            }
        }
    }

    /// <summary>
    /// Stores a job. Missing values are filled in: a fresh 19-digit id, publish time = fake now, creation time one second
    /// earlier, the duration label and record number. Returns the stored instance (the same object).
    /// </summary>
    /// <param name="job">The job.</param>
    /// <returns>The stored job.</returns>
    public FakeJob AddJob(FakeJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (Sync)
        {
            if (string.IsNullOrEmpty(job.Id))
            {
                job.Id = NewUniqueJobId();
            }
            else if (_jobsById.ContainsKey(job.Id))
            {
                throw new ArgumentException($"Job '{job.Id}' exists.", nameof(job));
            }

            if (job.PublishedDateTime == default)
            {
                job.PublishedDateTime = _clock.Now;
            }

            if (job.CreatedDateTime == default)
            {
                job.CreatedDateTime = job.PublishedDateTime.AddSeconds(-1);
            }

            job.DurationLabel ??= JobCatalog.DurationLabel(job.Duration);
            job.RecordNumber ??= job.Id.Length > 9 ? job.Id[^9..] : job.Id;
            _jobs.Add(job);
            _jobsById[job.Id] = job;
            return job;
        }
    }

    /// <summary>Generates a realistic job published at the fake clock's now, lets <paramref name="tweak"/> change it, and stores it.</summary>
    /// <param name="tweak">Optional changes before storing.</param>
    /// <returns>The stored job.</returns>
    public FakeJob GenerateJob(Action<FakeJob>? tweak = null)
    {
        lock (Sync)
        {
            var job = _generator.Create(_clock.Now);
            job.Id = NewUniqueJobId();
            tweak?.Invoke(job);
            return AddJob(job);
        }
    }

    /// <summary>Finds a stored job by numeric id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The job or null.</returns>
    public FakeJob? FindJob(string id)
    {
        lock (Sync)
        {
            return _jobsById.GetValueOrDefault(id);
        }
    }

    /// <summary>Removes a job (its proposals stay).</summary>
    /// <param name="id">The id.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveJob(string id)
    {
        lock (Sync)
        {
            if (!_jobsById.Remove(id, out var job))
            {
                return false;
            }

            _jobs.Remove(job);
            return true;
        }
    }

    /// <summary>
    /// Stores a proposal for an existing job. Missing values are filled in: id, user (the approving user), organization
    /// (the user's default), creation and modification time (fake now). Returns a copy.
    /// </summary>
    /// <param name="proposal">The proposal.</param>
    /// <returns>A copy of the stored proposal.</returns>
    public FakeProposal AddProposal(FakeProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        lock (Sync)
        {
            return AddProposalLocked(proposal.Clone()).Clone();
        }
    }

    /// <summary>Stores a proposal of the approving user for <paramref name="jobId"/> with the given status.</summary>
    /// <param name="jobId">An existing job id.</param>
    /// <param name="status">Status name (mixed case, e.g. "Pending").</param>
    /// <returns>A copy of the stored proposal.</returns>
    public FakeProposal AddProposal(string jobId, string status = "Pending") =>
        AddProposal(new FakeProposal { JobId = jobId, Status = status });

    /// <summary>Sets the status of a proposal and moves its modifiedDateTime to the fake now.</summary>
    /// <param name="proposalId">The proposal id.</param>
    /// <param name="upworkStatus">One of <see cref="ProposalStatuses"/>.</param>
    public void SetProposalStatus(string proposalId, string upworkStatus)
    {
        if (!ProposalStatuses.Contains(upworkStatus, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown status '{upworkStatus}'; use one of {string.Join(", ", ProposalStatuses)}.", nameof(upworkStatus));
        }

        lock (Sync)
        {
            var proposal = _proposals.FirstOrDefault(p => p.Id == proposalId)
                ?? throw new KeyNotFoundException($"Unknown proposal '{proposalId}'.");
            proposal.Status = upworkStatus;
            proposal.ModifiedDateTime = _clock.Now;
        }
    }

    internal FakeProposal AddProposalLocked(FakeProposal proposal)
    {
        if (!_jobsById.ContainsKey(proposal.JobId))
        {
            throw new ArgumentException($"Unknown job '{proposal.JobId}'.", nameof(proposal));
        }

        if (!ProposalStatuses.Contains(proposal.Status, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown status '{proposal.Status}'.", nameof(proposal));
        }

        if (proposal.UserId.Length == 0)
        {
            proposal.UserId = _approvingUserId;
        }

        var user = _users.FirstOrDefault(u => u.Id == proposal.UserId)
            ?? throw new ArgumentException($"Unknown user '{proposal.UserId}'.", nameof(proposal));
        if (proposal.OrganizationId.Length == 0)
        {
            proposal.OrganizationId = user.DefaultOrganization?.Id ?? "";
        }

        if (proposal.Id.Length == 0)
        {
            do
            {
                proposal.Id = _generator.NewId19("15");
            }
            while (_proposals.Any(p => p.Id == proposal.Id));
        }

        if (proposal.CreatedDateTime == default)
        {
            proposal.CreatedDateTime = _clock.Now;
        }

        if (proposal.ModifiedDateTime == default)
        {
            proposal.ModifiedDateTime = proposal.CreatedDateTime;
        }

        if (proposal.ChargeRate == 0)
        {
            var job = _jobsById[proposal.JobId];
            proposal.ChargeRate = job.JobType == "FIXED" ? job.FixedAmount ?? 100m : job.HourlyMax ?? user.FreelancerProfile?.ChargeRate ?? 40m;
        }

        if (proposal.CoverLetter.Length == 0)
        {
            proposal.CoverLetter = "Hi, I have read your post carefully and I am confident I can help. I recently delivered a very similar project; "
                + "happy to share details on a call.\n\nBest regards,\n" + user.Name;
        }

        _proposals.Add(proposal);
        return proposal;
    }

    internal FakeUser? FindUser(string id) => _users.FirstOrDefault(u => u.Id == id);

    internal FakeJob? FindJobLocked(string id) => _jobsById.GetValueOrDefault(id);

    internal FakeClient? FindClient(string clientId) => _clients.GetValueOrDefault(clientId);

    internal IEnumerable<FakeJob> JobsLocked => _jobs;

    internal IEnumerable<FakeUser> UsersLocked => _users;

    internal IEnumerable<FakeProposal> ProposalsLocked => _proposals;

    internal bool HasApplied(string userId, string jobId) =>
        _proposals.Any(p => p.UserId == userId && p.JobId == jobId && p.Status is not ("Withdrawn" or "Invalid"));

    internal JobGenerator Generator => _generator;

    private string NewUniqueJobId()
    {
        string id;
        do
        {
            id = _generator.NewId19();
        }
        while (_jobsById.ContainsKey(id));
        return id;
    }

    private void SeedJobs(int count)
    {
        var now = _clock.Now;
        var offsets = Enumerable.Range(0, count).Select(_ => _generator.Random.Next(2, 72 * 60)).Distinct().OrderByDescending(m => m).ToList();
        foreach (var minutes in offsets)
        {
            var job = _generator.Create(now.AddMinutes(-minutes).AddSeconds(-_generator.Random.Next(60)));
            job.Id = NewUniqueJobId();
            AddJob(job);
        }
    }

    private void SeedProposals(int count)
    {
        if (count <= 0 || _jobs.Count == 0 || _users.Count == 0)
        {
            return;
        }

        var statuses = new[] { "Pending", "Pending", "Accepted", "Offered", "Hired", "Declined", "Withdrawn", "Archived", "Activated" };
        var jobs = _jobs.OrderBy(_ => _generator.Random.Next()).Take(count).ToList();
        for (var i = 0; i < jobs.Count; i++)
        {
            var created = jobs[i].PublishedDateTime.AddMinutes(_generator.Random.Next(10, 240));
            AddProposalLocked(new FakeProposal
            {
                JobId = jobs[i].Id,
                Status = statuses[i % statuses.Length],
                CreatedDateTime = created,
                ModifiedDateTime = created.AddMinutes(_generator.Random.Next(0, 600)),
                StatusReason = statuses[i % statuses.Length] == "Declined" ? "Client hired someone else" : null,
            });
        }
    }
}
