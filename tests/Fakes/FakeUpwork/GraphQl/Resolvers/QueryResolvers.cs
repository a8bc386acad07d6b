using System.Text;
using FakeUpwork.GraphQl.Render;
using GraphQL;

namespace FakeUpwork.GraphQl.Resolvers;

/// <summary>Root query fields other than the search.</summary>
internal static class QueryResolvers
{
    public const int MaxProposalPageSize = 40;

    public static object? User(IResolveFieldContext context)
    {
        var request = context.Req();
        lock (request.State.Sync)
        {
            return PeopleRender.CurrentUser(request.User);
        }
    }

    public static object? Organization(IResolveFieldContext context)
    {
        var request = context.Req();
        lock (request.State.Sync)
        {
            return request.Organization is null ? null : PeopleRender.Organization(request.Organization);
        }
    }

    public static object? CompanySelector(IResolveFieldContext context)
    {
        var request = context.Req();
        lock (request.State.Sync)
        {
            return PeopleRender.CompanySelector(request.User);
        }
    }

    public static object? ProfileByKey(IResolveFieldContext context)
    {
        var request = context.Req();
        var key = context.GetArgument<string>("profileKey");
        lock (request.State.Sync)
        {
            var user = request.State.UsersLocked.FirstOrDefault(u => u.Ciphertext == key)
                ?? throw new FakeExecutionError($"Profile not found for key={key}");
            return PeopleRender.Profile(user);
        }
    }

    public static object? Search(IResolveFieldContext context) =>
        JobSearch.Resolve(
            context.Req(),
            context.GetArgument<Dictionary<string, object?>?>("marketPlaceJobFilter"),
            Args.Text(context.GetArgument<object?>("searchType")),
            Args.DictsOf(context.GetArgument<object?>("sortAttributes")));

    public static object? JobPosting(IResolveFieldContext context)
    {
        var request = context.Req();
        var id = Args.Text(context.GetArgument<object>("id")) ?? "";
        lock (request.State.Sync)
        {
            var job = request.State.FindJobLocked(id) ?? throw new FakeExecutionError($"Opening not found for uid={id}");
            return JobRender.Detail(job);
        }
    }

    public static object? Contents(IResolveFieldContext context)
    {
        var request = context.Req();
        var ids = context.GetArgument<object[]>("ids").Select(Args.Text).OfType<string>().ToList();
        lock (request.State.Sync)
        {
            return ids.Select(request.State.FindJobLocked).OfType<FakeJob>().Select(j => (object?)JobRender.Contents(j)).ToList();
        }
    }

    public static object? VendorProposals(IResolveFieldContext context)
    {
        var request = context.Req();
        var filter = context.GetArgument<Dictionary<string, object?>>("filter");
        var sort = context.GetArgument<Dictionary<string, object?>>("sortAttribute");
        var pagination = context.GetArgument<Dictionary<string, object?>>("pagination");
        var first = Args.Int(pagination, "first") ?? 10;
        if (first > MaxProposalPageSize)
        {
            throw new FakeExecutionError($"VJCA-6: Invalid pagination parameter: first must be between 1 and {MaxProposalPageSize}, got {first}");
        }

        if (first < 1)
        {
            throw new FakeExecutionError($"VJCA-5: Invalid pagination parameter: first must be between 1 and {MaxProposalPageSize}, got {first}");
        }

        var start = 0;
        if (Args.Str(pagination, "after") is { Length: > 0 } after)
        {
            start = DecodeCursor(after) + 1;
        }

        var status = Args.Str(filter, "status_eq");
        var freelancer = Args.Str(filter, "freelancerId_eq");
        var organization = Args.Str(filter, "organizationId_eq");
        var jobIds = Args.List(filter, "jobPostingIds_any");
        var annotation = Args.Str(filter, "annotations_eq");
        var descending = Args.Str(sort, "sortOrder") != "ASC";

        lock (request.State.Sync)
        {
            var matches = request.State.ProposalsLocked
                .Where(p => p.UserId == request.User.Id && p.Status == status
                    && (freelancer is null || p.UserId == freelancer)
                    && (organization is null || p.OrganizationId == organization)
                    && (jobIds is not { Count: > 0 } || jobIds.Contains(p.JobId))
                    && (annotation is null || p.Annotations.Contains(annotation)))
                .ToList();
            IEnumerable<FakeProposal> ordered = descending
                ? matches.OrderByDescending(p => p.CreatedDateTime).ThenByDescending(p => p.Id, StringComparer.Ordinal)
                : matches.OrderBy(p => p.CreatedDateTime).ThenBy(p => p.Id, StringComparer.Ordinal);
            var page = ordered.Skip(start).Take(first).ToList();
            var edges = page.Select((p, i) => (object?)new Node
            {
                ["cursor"] = EncodeCursor(start + i),
                ["node"] = ProposalRender.Proposal(p, request),
            }).ToList();
            return new Node
            {
                ["totalCount"] = matches.Count,
                ["edges"] = edges,
                ["pageInfo"] = new Node
                {
                    ["endCursor"] = page.Count == 0 ? null : EncodeCursor(start + page.Count - 1),
                    ["hasNextPage"] = start + page.Count < matches.Count,
                },
                ["organization"] = null,
            };
        }
    }

    public static object? VendorProposal(IResolveFieldContext context)
    {
        var request = context.Req();
        var id = Args.Text(context.GetArgument<object>("id")) ?? "";
        lock (request.State.Sync)
        {
            var proposal = request.State.ProposalsLocked.FirstOrDefault(p => p.Id == id && p.UserId == request.User.Id)
                ?? throw new FakeExecutionError($"Vendor proposal not found for id={id}");
            return ProposalRender.Proposal(proposal, request);
        }
    }

    public static object? WorkHistory(IResolveFieldContext context)
    {
        var request = context.Req();
        var filter = context.GetArgument<Dictionary<string, object?>>("filter");
        var personId = Args.Str(filter, "personId");
        var statuses = Args.List(filter, "status");
        var contractIds = Args.List(filter, "contractIds");
        var paging = Args.Dict(filter, "pagination");
        lock (request.State.Sync)
        {
            var user = personId is null ? null : request.State.FindUser(personId);
            var entries = (user?.WorkHistory ?? [])
                .Where(w => (statuses is not { Count: > 0 } || statuses.Contains(w.Status))
                    && (contractIds is not { Count: > 0 } || contractIds.Contains(w.ContractId))
                    && (Args.Bool(filter, "excludeNoFeedback") != true || w.FeedbackScore is not null))
                .OrderByDescending(w => w.StartDate)
                .ToList();
            var page = entries.Skip(Args.Int(paging, "offset") ?? 0).Take(Args.Int(paging, "limit") ?? int.MaxValue);
            return new Node
            {
                ["workHistoryList"] = page.Select(w => (object?)ProposalRender.WorkHistory(w, user!)).ToList(),
                ["totalCount"] = entries.Count,
            };
        }
    }

    /// <summary>Never reached with the fake's scope map (partner-only), kept so the schema resolves.</summary>
    public static object? Blocked(IResolveFieldContext context) =>
        throw new FakeExecutionError("Authorization failed", "ExecutionAborted");

    internal static string EncodeCursor(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("vp:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("vp:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0)
            {
                return index;
            }
        }
        catch (FormatException)
        {
        }

        throw new FakeExecutionError($"Invalid pagination cursor: {cursor}");
    }
}
