using System.Text;

namespace Bitbucket.Webhooks.Tests.Events;

/// <summary>
/// Payloads written after the examples of Atlassian's "Event payloads" page (Bitbucket Cloud): the common entities
/// (account, repository, pull request, comment, commit status) composed the way each event key carries them.
/// </summary>
internal static class Payloads
{
    public const string Actor = """
        {"type":"user","display_name":"Emma","uuid":"{a54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3}",
         "account_id":"557058:c0b72ad0-1cb5-4018-9cdc-0cde8492c443","nickname":"emmap1",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/%7Ba54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3%7D"},
                  "html":{"href":"https://bitbucket.org/%7Ba54f16da-24e9-4d7f-a3a7-b1ba2cd98aa3%7D/"},
                  "avatar":{"href":"https://avatar-management.example/emma.png"}}}
        """;

    public const string Reviewer = """
        {"type":"user","display_name":"Ravi","uuid":"{7c3a1a0f-8e1c-4a8e-9a4b-0f8bd0b3c1d2}",
         "account_id":"557058:11111111-2222-3333-4444-555555555555","nickname":"ravi"}
        """;

    public const string Repository = """
        {"type":"repository","full_name":"team_name/repo_name","name":"repo_name","slug":"repo_name",
         "uuid":"{673a6070-3421-46c9-9d48-90745f7bfe8e}","is_private":true,"scm":"git","website":"https://mywebsite.com/",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name"},
                  "html":{"href":"https://bitbucket.org/team_name/repo_name"},
                  "avatar":{"href":"https://bytebucket.org/ravatar/%7B673a6070%7D?ts=default"}},
         "workspace":{"type":"workspace","slug":"team_name","name":"Team Name","uuid":"{0f4b2c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f}"},
         "project":{"type":"project","key":"PROJ","name":"Project","uuid":"{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}"},
         "owner":{"type":"team","display_name":"Team Name","uuid":"{0f4b2c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f}"}}
        """;

    public const string Fork = """
        {"type":"repository","full_name":"emmap1/repo_name","name":"repo_name","uuid":"{1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e}",
         "is_private":true,"scm":"git","parent":{"type":"repository","full_name":"team_name/repo_name","uuid":"{673a6070-3421-46c9-9d48-90745f7bfe8e}"}}
        """;

    public static readonly string PullRequest = Fill("""
        {"type":"pullrequest","id":1,"title":"Title of pull request","description":"Description of pull request","state":"OPEN",
         "author":§0§,
         "source":{"branch":{"name":"branch2"},"commit":{"hash":"d3022fc0ca3d"},"repository":{"type":"repository","full_name":"team_name/repo_name"}},
         "destination":{"branch":{"name":"master"},"commit":{"hash":"ce5965ddd289"},"repository":{"type":"repository","full_name":"team_name/repo_name"}},
         "merge_commit":{"hash":"764413d85e29"},
         "participants":[{"type":"participant","user":§1§,"role":"REVIEWER","approved":true,"state":"approved"}],
         "reviewers":[§2§],
         "comment_count":2,"task_count":0,"close_source_branch":true,
         "closed_by":null,"reason":"","created_on":"2015-04-06T15:23:38.179678+00:00","updated_on":"2015-04-06T15:23:38.205705+00:00",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/pullrequests/1"},
                  "html":{"href":"https://bitbucket.org/team_name/repo_name/pull-requests/1"}}}
        """, Actor, Reviewer, Reviewer);

    public static readonly string Comment = Fill("""
        {"type":"pullrequest_comment","id":17,"parent":{"id":16},
         "content":{"raw":"Comment text","html":"<p>Comment text</p>","markup":"markdown"},
         "inline":{"path":"path/to/file","from":null,"to":10},
         "created_on":"2015-04-06T16:52:29.050545+00:00","updated_on":"2015-04-06T16:52:29.055245+00:00",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/pullrequests/1/comments/17"},
                  "html":{"href":"https://bitbucket.org/team_name/repo_name/pull-requests/1/_/diff#comment-17"}},
         "user":§0§}
        """, Actor);

    public const string CommitStatus = """
        {"type":"build","name":"Unit Tests (Python)","description":"Build started","state":"INPROGRESS","key":"mybuildtool",
         "url":"https://my-build-tool.com/builds/MY-PROJECT/BUILD-777","refname":"master",
         "created_on":"2015-11-19T20:37:35.547563+00:00","updated_on":"2015-11-19T20:37:35.547563+00:00",
         "links":{"commit":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/commit/9fec847784abb10b2fa567ee63b85bd238955d0e"},
                  "self":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/commit/9fec847784abb10b2fa567ee63b85bd238955d0e/statuses/build/mybuildtool"}}}
        """;

    public static string Commit(string hash, string message) => Fill("""
        {"type":"commit","hash":"§0§","message":"§1§\n","date":"2015-06-09T03:34:49+00:00",
         "author":{"type":"author","raw":"Emma <emma@example.com>","user":§2§},
         "parents":[{"type":"commit","hash":"1e65c05c1d5171631d92438a13901ca7dae9618c"}],
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/commit/§3§"},
                  "html":{"href":"https://bitbucket.org/team_name/repo_name/commits/§4§"}}}
        """, hash, message, Actor, hash, hash);

    public static string Push(int commits = 2, bool truncated = false) => Fill("""
        {"actor":§0§,"repository":§1§,
         "push":{"changes":[{
           "new":{"type":"branch","name":"name-of-branch","target":§2§,
                  "links":{"html":{"href":"https://bitbucket.org/team_name/repo_name/branch/name-of-branch"}}},
           "old":{"type":"branch","name":"name-of-branch","target":§3§},
           "links":{"html":{"href":"https://bitbucket.org/team_name/repo_name/branches/compare/709d658dc5b6..1e65c05c1d51"},
                    "diff":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/diff/709d658dc5b6..1e65c05c1d51"},
                    "commits":{"href":"https://api.bitbucket.org/2.0/repositories/team_name/repo_name/commits?include=709d658dc5b6&exclude=1e65c05c1d51"}},
           "created":false,"forced":false,"closed":false,"truncated":§4§,
           "commits":[§5§]}]}}
        """, Actor, Repository, Commit("709d658dc5b6d6afcd46049c2f332ee3f515a67d", "new commit message"), Commit("1e65c05c1d5171631d92438a13901ca7dae9618c", "old commit message"), (truncated ? "true" : "false"), string.Join(",", Enumerable.Range(0, commits).Select(i => Commit(i == 0 ? "709d658dc5b6d6afcd46049c2f332ee3f515a67d" : $"{i:x40}", "commit " + i))));

    public static readonly string PullRequestEvent = Fill("""{"actor":§0§,"pullrequest":§1§,"repository":§2§}""", Actor, PullRequest, Repository);

    public static string PullRequestWith(string name, string value) =>
        Fill("""{"actor":§0§,"pullrequest":§1§,"repository":§2§,"§3§":§4§}""", Actor, PullRequest, Repository, name, value);

    public static readonly string Review = Fill("""{"date":"2015-04-06T16:34:59.195330+00:00","user":§0§}""", Reviewer);

    public static readonly IReadOnlyDictionary<string, string> ByKey = new Dictionary<string, string>
    {
        ["repo:push"] = Push(),
        ["repo:fork"] = Fill("""{"actor":§0§,"repository":§1§,"fork":§2§}""", Actor, Repository, Fork),
        ["repo:updated"] = Fill("""
            {"actor":§0§,"repository":§1§,
             "changes":{"name":{"new":"repository","old":"repository_name"},"website":{"new":"https://mywebsite.com/","old":""},
                        "language":{"new":"java","old":"python"},
                        "links":{"new":{"avatar":{"href":"https://bitbucket.org/new.png"}},"old":{"avatar":{"href":"https://bitbucket.org/old.png"}}},
                        "description":{"new":"This is a better description.","old":"This is a description."},
                        "full_name":{"new":"team_name/repository","old":"team_name/repository_name"}}}
            """, Actor, Repository),
        ["repo:transfer"] = Fill("""
            {"actor":§0§,"repository":§1§,
             "previous_workspace":{"type":"workspace","slug":"old_team","name":"Old Team","uuid":"{5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a}"}}
            """, Actor, Repository),
        ["repo:commit_comment_created"] = Fill("""
            {"actor":§0§,"repository":§1§,
             "comment":{"type":"commit_comment","id":42,"content":{"raw":"Nice fix","html":"<p>Nice fix</p>","markup":"markdown"},"user":§2§,
                        "created_on":"2015-06-09T04:00:00+00:00"},
             "commit":{"type":"commit","hash":"d3022fc0ca3d65c7f6a61dc4a3d00c9a7b2b9b1c","message":"Fix the engine\n",
                       "links":{"html":{"href":"https://bitbucket.org/team_name/repo_name/commits/d3022fc0ca3d"}}}}
            """, Actor, Repository, Actor),
        ["repo:commit_status_created"] = Fill("""{"actor":§0§,"repository":§1§,"commit_status":§2§}""", Actor, Repository, CommitStatus),
        ["repo:commit_status_updated"] = Fill("""{"actor":§0§,"repository":§1§,"commit_status":§2§}""", Actor, Repository, CommitStatus.Replace("INPROGRESS", "SUCCESSFUL", StringComparison.Ordinal).Replace("Build started", "Build passed", StringComparison.Ordinal)),
        ["repo:created"] = Fill("""{"actor":§0§,"repository":§1§}""", Actor, Repository),
        ["repo:deleted"] = Fill("""{"actor":§0§,"repository":§1§}""", Actor, Repository),
        ["repo:imported"] = Fill("""{"actor":§0§,"repository":§1§}""", Actor, Repository),
        ["project:updated"] = Fill("""
            {"actor":§0§,
             "project":{"type":"project","key":"PROJ","name":"Renamed project","uuid":"{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}","is_private":true,
                        "owner":{"type":"team","display_name":"Team Name","uuid":"{0f4b2c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f}"}},
             "changes":{"name":{"new":"Renamed project","old":"Project"}}}
            """, Actor),
        ["pullrequest:created"] = PullRequestEvent,
        ["pullrequest:updated"] = PullRequestEvent,
        ["pullrequest:approved"] = PullRequestWith("approval", Review),
        ["pullrequest:unapproved"] = PullRequestWith("approval", Review),
        ["pullrequest:fulfilled"] = PullRequestEvent.Replace("\"state\":\"OPEN\"", "\"state\":\"MERGED\"", StringComparison.Ordinal),
        ["pullrequest:rejected"] = PullRequestEvent.Replace("\"state\":\"OPEN\"", "\"state\":\"DECLINED\"", StringComparison.Ordinal).Replace("\"reason\":\"\"", "\"reason\":\"Not needed\"", StringComparison.Ordinal),
        ["pullrequest:changes_request_created"] = PullRequestWith("changes_request", Review),
        ["pullrequest:changes_request_removed"] = PullRequestWith("changes_request", Review),
        ["pullrequest:push"] = PullRequestEvent,
        ["pullrequest:comment_created"] = PullRequestWith("comment", Comment),
        ["pullrequest:comment_updated"] = PullRequestWith("comment", Comment),
        ["pullrequest:comment_deleted"] = PullRequestWith("comment", Comment.Replace("\"id\":17,", "\"id\":17,\"deleted\":true,", StringComparison.Ordinal)),
        ["pullrequest:comment_resolved"] = PullRequestWith("comment", Comment.Replace("\"id\":17,", "\"id\":17,\"resolution\":{\"type\":\"comment_resolution\",\"created_on\":\"2015-04-07T10:00:00+00:00\"},", StringComparison.Ordinal)),
        ["pullrequest:comment_reopened"] = PullRequestWith("comment", Comment),
    };

    /// <summary>Replaces each §i§ of a template with the i-th value (JSON fragments contain too many braces for interpolation).</summary>
    public static string Fill(string template, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            template = template.Replace("\u00a7" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u00a7", values[i].ToString(), StringComparison.Ordinal);
        }

        return template;
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
