using FakeUpwork.GraphQl.Render;
using GraphQL;

namespace FakeUpwork.GraphQl.Resolvers;

/// <summary><c>createJobProposal</c> (§5, §7.4 item 8): creates a Pending proposal, marks the job applied, counts an applicant.</summary>
internal static class MutationResolvers
{
    public static object? CreateJobProposal(IResolveFieldContext context)
    {
        var request = context.Req();
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var reference = Args.Str(input, "jobReference") ?? "";
        var contractor = Args.Dict(input, "selectedContractor");
        var teamOrgId = Args.Str(input, "teamOrgId") ?? "";
        var amount = Args.Double(input, "chargedAmount") ?? 0;
        var coverLetter = Args.Str(input, "coverLetter") ?? "";
        var answers = Args.Dicts(input, "questions") ?? [];
        var user = request.User;

        lock (request.State.Sync)
        {
            var job = request.State.FindJobLocked(reference);
            string? error =
                job is null ? $"Job posting not found for jobReference={reference} (use the numeric id, not the ciphertext)"
                : Args.Str(contractor, "id") != user.Id ? "selectedContractor.id must be the id of the authenticated user"
                : Args.Str(contractor, "oDeskUserID") != user.Nid ? "selectedContractor.oDeskUserID must be the nid (username) of the authenticated user"
                : user.Organizations.All(o => o.Id != teamOrgId) ? "teamOrgId is not an organization of the authenticated user"
                : job.Status != "OPEN" ? "The job posting is no longer accepting proposals"
                : request.State.HasApplied(user.Id, job.Id) ? "You have already submitted a proposal to this job posting"
                : job.CoverLetterRequired && string.IsNullOrWhiteSpace(coverLetter) ? "A cover letter is required for this job posting"
                : answers.Count < job.ScreeningQuestions.Count ? $"Answers to all {job.ScreeningQuestions.Count} screening questions are required"
                : amount <= 0 ? "chargedAmount must be greater than 0"
                : null;
            if (error is not null || job is null)
            {
                return new Node { ["newProposalId"] = null, ["status"] = "FAILED", ["error"] = error };
            }

            var proposal = request.State.AddProposalLocked(new FakeProposal
            {
                JobId = job.Id,
                UserId = user.Id,
                OrganizationId = teamOrgId,
                Status = "Pending",
                CoverLetter = coverLetter,
                ChargeRate = (decimal)amount,
                Answers = [.. answers.Select(a => Args.Str(a, "answer") ?? "")],
            });
            job.TotalApplicants++;
            return new Node { ["newProposalId"] = proposal.Id, ["status"] = "SUCCESS", ["error"] = null };
        }
    }
}
