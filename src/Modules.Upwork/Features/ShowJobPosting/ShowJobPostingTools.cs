using System.ComponentModel;
using Contracts.Identity;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Modules.Upwork.Postings;
using Shared.Mcp;

namespace Modules.Upwork.Features.ShowJobPosting;

/// <summary>The MCP tool <c>get_job</c>, mirroring <c>GET /api/v1/upwork/jobs/{id}</c>: the same scope, visibility and handler.</summary>
[McpServerToolType]
internal sealed class ShowJobPostingTools(JobPostingReader show, IHttpContextAccessor http)
{
    [McpServerTool(Name = "get_job", Title = "Read one job", ReadOnly = true, OpenWorld = false)]
    [Description("One job the user can see, with its description and client. Returns JSON { id, postedAt (UTC), jobType, budgetMin, "
        + "budgetMax (USD), experienceLevel, category, proposalsCount, url, client: { paymentVerified, rating (0-5), totalSpent (USD), "
        + "totalHires, country }, untrustedUpworkContent: { title, skills, description } }. A job the app no longer holds (Upwork's "
        + "24-hour rule) or another user's job is 'not found'.")]
    public async Task<JobDetailResult> GetJobAsync(
        [Description("The job's id (from search_jobs)")] string jobId,
        CancellationToken cancellationToken = default)
    {
        var userId = McpEndpoint.Caller(http, AccessScopes.JobsRead);
        var id = McpEndpoint.Id(jobId, "jobId");
        var job = await show.RunAsync(id, userId, cancellationToken) ?? throw new McpException($"jobId: job posting {id} was not found");
        var s = job.Summary;
        return new JobDetailResult(McpEndpoint.UntrustedNotice, s.Id, s.CreatedAt, s.JobType, s.BudgetMin, s.BudgetMax, job.ExperienceLevel, job.Category,
            job.ProposalsCount, job.Url, job.Client is { } c ? new JobClientFacts(c.PaymentVerified, c.Rating, c.TotalSpent, c.TotalHires, c.Country) : null,
            new UntrustedJobText(s.Title, s.Skills, job.Description));
    }
}

/// <summary>The result of <c>get_job</c>.</summary>
internal sealed record JobDetailResult(string Notice, Guid Id, DateTimeOffset PostedAt, string? JobType, decimal? BudgetMin, decimal? BudgetMax,
    string? ExperienceLevel, string? Category, int? ProposalsCount, string? Url, JobClientFacts? Client, UntrustedJobText UntrustedUpworkContent);

/// <summary>What Upwork says about the client.</summary>
internal sealed record JobClientFacts(bool? PaymentVerified, double? Rating, decimal? TotalSpent, int? TotalHires, string? Country);
