using Bitbucket.Refit.Generator;

return Cli.Run(args, Console.Out, Console.Error);
