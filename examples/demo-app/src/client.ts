// Demo client for Takumo's quick start. Every credential below is fake.
export const github = { token: 'ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3' };
export const aws = { accessKeyId: 'AKIAZ7VRSQ5TKQEXAMPL', region: 'eu-west-1' };
export const metricsUrl = 'http://10.20.30.40:9090/metrics';
export const buildSha = '3f786850e387550fdab836ed7e6dc881de23001b';
