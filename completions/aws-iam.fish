# fish completion for aws-iam.
# Use: aws-iam completion fish > ~/.config/fish/completions/aws-iam.fish
# Live names (users, roles, policies...) are fetched within AWS_IAM_COMPLETION_TIMEOUT seconds (1.5)
# and cached for AWS_IAM_COMPLETION_CACHE_TTL seconds (60) under ${XDG_CACHE_HOME:-~/.cache}/aws-iam/completion.
function __aws_iam_complete
    set -l program (commandline -opc)[1]
    command $program __complete -- fish (commandline -cp) 2>/dev/null
end
complete -c aws-iam -f -a '(__aws_iam_complete)'
