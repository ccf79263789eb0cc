// Tests never talk to AWS: dummy credentials and region for SDK clients pointed at local servers.
process.env.AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID || 'test';
process.env.AWS_SECRET_ACCESS_KEY = process.env.AWS_SECRET_ACCESS_KEY || 'test';
process.env.AWS_REGION = process.env.AWS_REGION || 'us-east-1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.CDK_DISABLE_VERSION_CHECK = '1';
process.env.POWERTOOLS_DEV = process.env.POWERTOOLS_DEV || 'false';
