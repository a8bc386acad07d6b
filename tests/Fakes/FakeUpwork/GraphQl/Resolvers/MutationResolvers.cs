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

            // Refusals about the job itself come back the way graphql-java reports a failed resolver: the payload null and
            // the reason only in errors[] (docs/upwork-api.md §2.1; the stricter reading where the sources are silent).
            var fatal =
                job is null ? $"Job posting not found for jobReference={reference} (use the numeric id, not the ciphertext)"
                : job.Status != "OPEN" ? "The job posting is no longer accepting proposals"
                : request.State.HasApplied(user.Id, job.Id) ? "You have already submitted a proposal to this job posting"
                : null;
            if (fatal is not null || job is null)
            {
                throw new FakeExecutionError(fatal ?? "Job posting not found");
            }

            // Every question of the job must be answered, in its own words (§5: questions: [{question, answer}]).
            var given = answers.Select(a => (Question: Args.Str(a, "question") ?? "", Answer: Args.Str(a, "answer") ?? "")).ToList();
            var unanswered = job.ScreeningQuestions.Where(q => !given.Any(g => g.Question == q && !string.IsNullOrWhiteSpace(g.Answer))).ToList();
            var unknown = given.Where(g => !job.ScreeningQuestions.Contains(g.Question)).Select(g => g.Question).ToList();
            string? error =
                Args.Str(contractor, "id") != user.Id ? "selectedContractor.id must be the id of the authenticated user"
                : Args.Str(contractor, "oDeskUserID") != user.Nid ? "selectedContractor.oDeskUserID must be the nid (username) of the authenticated user"
                : user.Organizations.All(o => o.Id != teamOrgId) ? "teamOrgId is not an organization of the authenticated user"
                : job.CoverLetterRequired && string.IsNullOrWhiteSpace(coverLetter) ? "A cover letter is required for this job posting"
                : unanswered.Count > 0 ? $"Answers to all {job.ScreeningQuestions.Count} screening questions are required (unanswered: {string.Join("; ", unanswered)})"
                : unknown.Count > 0 ? $"Not a screening question of this job posting: {string.Join("; ", unknown)}"
                : amount <= 0 ? "chargedAmount must be greater than 0"
                : null;
            if (error is not null)
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
                Questions = [.. job.ScreeningQuestions],
                Answers = [.. job.ScreeningQuestions.Select(q => given.First(g => g.Question == q).Answer)],
            });
            job.TotalApplicants++;
            return new Node { ["newProposalId"] = proposal.Id, ["status"] = "SUCCESS", ["error"] = null };
        }
    }
}
